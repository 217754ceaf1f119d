/**
 * Generated questionnaires for the benchmark: realistic in shape (sections of 50 questions, all seven types, a fifth
 * of the questions conditional on earlier answers, en/fr/de strings, AI Act references), deterministic in content.
 */
import type {
  ChoiceOption,
  Condition,
  LocalizedText,
  Question,
  Questionnaire,
  QuestionType,
  Reference,
  Section,
} from '../src/engine/types';

export const SIZES = [100, 1000, 5000] as const;
export type Size = (typeof SIZES)[number];
export const PER_SECTION = 50;

export const questionnaireId = (size: number) => `bench-${size}`;
export const fileName = (size: number) => `${questionnaireId(size)}.json`;
/** The English title, as the home screen lists it: `${title} (${version})`. */
export const titleOf = (size: number) => `Benchmark: ${size.toLocaleString('en-GB')} questions`;
export const VERSION = '1.0.0';

const text = (en: string, fr: string, de: string): LocalizedText => ({ en, fr, de });

interface Topic {
  name: LocalizedText;
  /** AI Act references cited by the questions on this topic (the "Art. 9(2)(a)" form). */
  refs: string[];
  iso: string;
}

const TOPICS: Topic[] = [
  {
    name: text('the risk management system', 'le système de gestion des risques', 'das Risikomanagementsystem'),
    refs: ['Art. 9(1)', 'Art. 9(2)(a)', 'Art. 9(2)(b)', 'Art. 9(5)', 'Art. 9(6)'],
    iso: 'A.5.2',
  },
  {
    name: text(
      'the data governance of training, validation and testing data',
      'la gouvernance des données d’entraînement, de validation et de test',
      'die Daten-Governance der Trainings-, Validierungs- und Testdaten',
    ),
    refs: ['Art. 10(2)(a)', 'Art. 10(2)(f)', 'Art. 10(3)', 'Art. 10(5)'],
    iso: 'A.7.4',
  },
  {
    name: text('the technical documentation', 'la documentation technique', 'die technische Dokumentation'),
    refs: ['Art. 11(1)', 'Annex IV(1)(a)', 'Annex IV(2)(e)', 'Annex IV(3)'],
    iso: 'A.6.2.7',
  },
  {
    name: text(
      'the automatic recording of events (logs)',
      'l’enregistrement automatique des événements (journaux)',
      'die automatische Aufzeichnung von Ereignissen (Protokolle)',
    ),
    refs: ['Art. 12(1)', 'Art. 12(2)(a)', 'Art. 19(1)'],
    iso: 'A.6.2.8',
  },
  {
    name: text(
      'the instructions for use given to deployers',
      'la notice d’utilisation fournie aux déployeurs',
      'die Betriebsanleitung für die Betreiber',
    ),
    refs: ['Art. 13(1)', 'Art. 13(3)(b)(ii)', 'Art. 13(3)(d)'],
    iso: 'A.8.2',
  },
  {
    name: text('human oversight', 'le contrôle humain', 'die menschliche Aufsicht'),
    refs: ['Art. 14(1)', 'Art. 14(4)(a)', 'Art. 14(4)(e)'],
    iso: 'A.9.3',
  },
  {
    name: text(
      'accuracy, robustness and cybersecurity',
      'l’exactitude, la robustesse et la cybersécurité',
      'Genauigkeit, Robustheit und Cybersicherheit',
    ),
    refs: ['Art. 15(1)', 'Art. 15(4)', 'Art. 15(5)'],
    iso: 'A.6.2.4',
  },
  {
    name: text('the quality management system', 'le système de gestion de la qualité', 'das Qualitätsmanagementsystem'),
    refs: ['Art. 17(1)(a)', 'Art. 17(1)(d)', 'Art. 17(1)(g)', 'Art. 17(1)(m)'],
    iso: 'A.2.2',
  },
  {
    name: text(
      'post-market monitoring',
      'la surveillance après commercialisation',
      'die Beobachtung nach dem Inverkehrbringen',
    ),
    refs: ['Art. 72(1)', 'Art. 72(2)', 'Recital 155'],
    iso: 'A.6.2.6',
  },
  {
    name: text(
      'the reporting of serious incidents',
      'le signalement des incidents graves',
      'die Meldung schwerwiegender Vorfälle',
    ),
    refs: ['Art. 73(1)', 'Art. 73(2)', 'Art. 73(6)'],
    iso: 'A.8.4',
  },
];

const ROLES: ChoiceOption[] = [
  { value: 'provider', label: text('Provider', 'Fournisseur', 'Anbieter') },
  { value: 'deployer', label: text('Deployer', 'Déployeur', 'Betreiber') },
  { value: 'importer', label: text('Importer', 'Importateur', 'Einführer') },
  { value: 'distributor', label: text('Distributor', 'Distributeur', 'Händler') },
];

const AREAS: ChoiceOption[] = [
  { value: 'biometric', label: text('Biometrics', 'Biométrie', 'Biometrie') },
  {
    value: 'infrastructure',
    label: text('Critical infrastructure', 'Infrastructures critiques', 'Kritische Infrastruktur'),
  },
  {
    value: 'education',
    label: text(
      'Education and vocational training',
      'Éducation et formation professionnelle',
      'Allgemeine und berufliche Bildung',
    ),
  },
  {
    value: 'employment',
    label: text(
      'Employment and workers management',
      'Emploi et gestion de la main-d’œuvre',
      'Beschäftigung und Personalmanagement',
    ),
  },
  { value: 'none', label: text('None of these', 'Aucun de ces domaines', 'Keiner dieser Bereiche'), exclusive: true },
];

/**
 * The layout of every block of ten questions. Slots 4 and 9 are conditional: a fifth of the questions. Slot 7 rotates
 * over the five blocks of a section, so that every section has all seven types.
 */
const SLOT_7: QuestionType[] = ['shortText', 'number', 'date', 'longText', 'shortText'];
function typeOf(slot: number, block: number): QuestionType {
  switch (slot) {
    case 2:
      return 'singleChoice';
    case 4:
      return 'longText';
    case 6:
      return 'multipleChoice';
    case 7:
      return SLOT_7[block] as QuestionType;
    default:
      return 'conformity';
  }
}

export const questionId = (section: number, index: number) =>
  `s${String(section + 1).padStart(3, '0')}_q${String(index + 1).padStart(2, '0')}`;
export const sectionId = (section: number) => `s${String(section + 1).padStart(3, '0')}`;

function conditionFor(section: number, index: number): Condition | undefined {
  const slot = index % 10;
  const block = Math.floor(index / 10);
  const q = (i: number) => questionId(section, i);
  if (slot === 4) return { question: q(index - 1), in: ['partial', 'nonConform'] };
  if (slot !== 9) return undefined;
  const base = block * 10;
  switch (block) {
    case 0:
      return { question: q(base + 2), equals: 'provider' };
    case 1:
      return { question: q(base + 6), includes: 'biometric' };
    case 2:
      return {
        all: [{ question: q(base + 8), answered: true }, { not: { question: q(base + 8), equals: 'notApplicable' } }],
      };
    case 3:
      // Slot 7 of block 1 is the section's number question.
      return {
        any: [
          { question: q(base + 2), in: ['provider', 'importer'] },
          { question: q(17), atLeast: 10 },
        ],
      };
    default:
      // Across sections: reads the first answer of the previous section.
      return section === 0
        ? { question: q(0), answered: true }
        : { question: questionId(section - 1, 0), in: ['conform', 'partial'] };
  }
}

function questionText(type: QuestionType, topic: Topic): LocalizedText {
  const { en, fr, de } = topic.name;
  switch (type) {
    case 'conformity':
      return text(
        `Is ${en} documented, reviewed at planned intervals and approved by the management for this AI system?`,
        `Pour ce système d’IA, existe-t-il une documentation revue à intervalles planifiés et approuvée par la direction sur ce point : ${fr} ?`,
        `Ist ${de} für dieses KI-System dokumentiert, in geplanten Abständen überprüft und von der Leitung freigegeben?`,
      );
    case 'singleChoice':
      return text(
        `Which role does your organisation have for ${en}?`,
        `Quel rôle votre organisation joue-t-elle pour ${fr} ?`,
        `Welche Rolle hat Ihre Organisation für ${de}?`,
      );
    case 'multipleChoice':
      return text(
        `In which areas of Annex III is the system used, as far as ${en} is concerned?`,
        `Dans quels domaines de l’annexe III le système est-il utilisé, pour ${fr} ?`,
        `In welchen Bereichen des Anhangs III wird das System eingesetzt, soweit ${de} betroffen ist?`,
      );
    case 'shortText':
      return text(
        `Who owns ${en}? (name and function)`,
        `Qui est responsable de ce point : ${fr} ? (nom et fonction)`,
        `Wer ist für ${de} verantwortlich? (Name und Funktion)`,
      );
    case 'longText':
      return text(
        `Describe ${en}, the open actions, their owners and due dates.`,
        `Décrivez ${fr}, les actions ouvertes, leurs responsables et leurs échéances.`,
        `Beschreiben Sie ${de}, die offenen Maßnahmen, ihre Verantwortlichen und Fristen.`,
      );
    case 'number':
      return text(
        `How many persons work on ${en}?`,
        `Combien de personnes travaillent sur ${fr} ?`,
        `Wie viele Personen arbeiten an ${de}?`,
      );
    case 'date':
      return text(
        `When was ${en} last reviewed?`,
        `Quelle est la date de la dernière revue de ce point : ${fr} ?`,
        `Wann wurde ${de} zuletzt überprüft?`,
      );
  }
}

const HELP = text(
  'The provider must be able to **show** it, not only state it:\n\n- a dated, approved document;\n- the record of its last review;\n- the person who owns it.',
  'Le fournisseur doit pouvoir le **démontrer**, pas seulement l’affirmer :\n\n- un document daté et approuvé ;\n- la trace de sa dernière revue ;\n- la personne qui en est responsable.',
  'Der Anbieter muss es **nachweisen** können, nicht nur behaupten:\n\n- ein datiertes, freigegebenes Dokument;\n- der Nachweis der letzten Überprüfung;\n- die verantwortliche Person.',
);

const EVIDENCE = text(
  'Dated and signed records; the register of changes; the minutes of the last management review.',
  'Des enregistrements datés et signés ; le registre des modifications ; le compte rendu de la dernière revue de direction.',
  'Datierte und unterzeichnete Aufzeichnungen; das Änderungsverzeichnis; das Protokoll der letzten Managementbewertung.',
);

function makeQuestion(section: number, index: number): Question {
  const slot = index % 10;
  const block = Math.floor(index / 10);
  const type = typeOf(slot, block);
  const topic = TOPICS[(section + index) % TOPICS.length] as Topic;
  const reference: Reference = { source: 'AI Act', ref: topic.refs[index % topic.refs.length] as string };
  const question: Question = {
    id: questionId(section, index),
    type,
    text: questionText(type, topic),
    references: [reference],
  };
  if (index % 3 === 0) question.help = HELP;
  if (type === 'conformity') {
    question.evidence = EVIDENCE;
    if (index % 4 === 0) question.crosswalk = [{ framework: 'ISO/IEC 42001', id: topic.iso }];
    if (index % 7 === 0) question.weight = 2;
  }
  if (type === 'singleChoice') question.options = ROLES;
  if (type === 'multipleChoice') question.options = AREAS;
  if (type === 'shortText') question.maxLength = 200;
  if (type === 'number') {
    question.unit = text('persons', 'personnes', 'Personen');
    question.min = 0;
    question.max = 100_000;
    question.integer = true;
  }
  if (type === 'longText' || type === 'date') question.required = false;
  const condition = conditionFor(section, index);
  if (condition) question.visibleIf = condition;
  return question;
}

export function generateQuestionnaire(size: number): Questionnaire {
  const sectionCount = Math.ceil(size / PER_SECTION);
  const sections: Section[] = Array.from({ length: sectionCount }, (_, s) => {
    const topic = TOPICS[s % TOPICS.length] as Topic;
    const count = Math.min(PER_SECTION, size - s * PER_SECTION);
    return {
      id: sectionId(s),
      title: text(
        `Part ${s + 1}: ${topic.name.en}`,
        `Partie ${s + 1} : ${topic.name.fr}`,
        `Teil ${s + 1}: ${topic.name.de}`,
      ),
      description: text(
        'Answer for the AI system as it is placed on the market or put into service.',
        'Répondez pour le système d’IA tel qu’il est mis sur le marché ou mis en service.',
        'Antworten Sie für das KI-System, wie es in Verkehr gebracht oder in Betrieb genommen wird.',
      ),
      questions: Array.from({ length: count }, (_, i) => makeQuestion(s, i)),
    };
  });
  return {
    id: questionnaireId(size),
    version: VERSION,
    title: text(titleOf(size), `Banc d’essai : ${size} questions`, `Benchmark: ${size} Fragen`),
    description: text(
      'Generated by npm run bench: sections of 50 questions of every type, a fifth of them conditional.',
      'Généré par npm run bench : sections de 50 questions de tous types, dont un cinquième conditionnelles.',
      'Erzeugt von npm run bench: Abschnitte mit 50 Fragen aller Typen, ein Fünftel davon bedingt.',
    ),
    sections,
  };
}

/** Visible, unconditional conformity questions of a section: the ones the latency samples click. */
export function clickableQuestions(questionnaire: Questionnaire, section = 0): string[] {
  return (questionnaire.sections[section]?.questions ?? [])
    .filter((q) => q.type === 'conformity' && !q.visibleIf)
    .map((q) => q.id);
}

/** The first unconditional long-text question of a section: where the typing samples type. */
export function typingQuestion(questionnaire: Questionnaire, section = 0): string {
  const found = questionnaire.sections[section]?.questions.find((q) => q.type === 'longText' && !q.visibleIf);
  if (!found) throw new Error(`section ${section} has no unconditional long-text question`);
  return found.id;
}
