/**
 * Deterministic answers for a generated questionnaire: every question answered, each with a comment of about 700
 * characters. The same answers feed the IndexedDB seed (shape of src/storage/db.ts AnswerRecord), the Node summary
 * and both PDF builders.
 */
import type { AnswerRecord } from '../src/engine/records';
import type { Answer, AnswerValue, Question, Questionnaire } from '../src/engine/types';

export const COMMENT =
  'Evidence reviewed on site with the product owner; the risk register lists the residual risks, each with an owner ' +
  'and a due date. Open action: complete the data-governance record for the 2026 retraining, due end of Q1 — « à suivre » ≥ 95 %. ' +
  'Les preuves ont été examinées sur place avec le responsable produit ; le registre des risques liste les risques ' +
  'résiduels, chacun avec un responsable et une échéance. Die Nachweise wurden vor Ort mit der Produktverantwortlichen ' +
  'geprüft; offene Maßnahme: Daten-Governance-Nachweis für das Nachtraining 2026 bis Ende Q1 vervollständigen. Nächste Überprüfung: Juni 2026, durch die interne Revision mit Stichproben aus den Protokollen und Interviews (Ticket GRC-2291).';

export const UPDATED = '2026-11-29T10:00:00.000Z';
const CONFORMITY = ['conform', 'conform', 'partial', 'nonConform', 'conform', 'notApplicable'] as const;

export function valueFor(question: Question, index: number): AnswerValue {
  switch (question.type) {
    case 'conformity':
      return CONFORMITY[index % CONFORMITY.length] as string;
    case 'singleChoice':
      return question.options?.[index % 2]?.value ?? '';
    case 'multipleChoice':
      return index % 2 === 0 ? ['biometric', 'employment'] : ['education'];
    case 'shortText':
      return 'Chief risk officer, Banque du Kirchberg';
    case 'longText':
      return 'Quarterly review by the AI governance board; actions tracked in the risk register (owner: CRO).';
    case 'number':
      return 12 + (index % 30);
    case 'date':
      return '2026-03-15';
  }
}

export interface AnswerOptions {
  /** Sections (by index) left unanswered, e.g. the one the latency samples answer. */
  skipSections?: number[];
  comment?: string;
}

export function answersFor(questionnaire: Questionnaire, options: AnswerOptions = {}): Answer[] {
  const skip = new Set(options.skipSections ?? []);
  const comment = options.comment ?? COMMENT;
  const answers: Answer[] = [];
  let index = 0;
  questionnaire.sections.forEach((section, s) => {
    for (const question of section.questions) {
      index += 1;
      if (skip.has(s)) continue;
      const value = valueFor(question, index);
      answers.push({
        questionId: question.id,
        value,
        ...(value === 'notApplicable' ? { justification: 'The system processes no personal data at all.' } : {}),
        comment,
        updated: UPDATED,
      });
    }
  });
  return answers;
}

export const answerMap = (answers: Answer[]) => new Map(answers.map((a) => [a.questionId, a]));

export function answerRecords(assessmentId: string, answers: Answer[]): AnswerRecord[] {
  return answers.map((answer) => ({ assessmentId, ...answer }));
}
