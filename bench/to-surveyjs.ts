/**
 * Converts a Conformo questionnaire to SurveyJS JSON, for the side-by-side benchmark: pages = sections;
 * conformity -> radiogroup with the four choices; singleChoice -> radiogroup; multipleChoice -> checkbox (an exclusive
 * "none" option -> SurveyJS's none item); shortText -> text; longText -> comment; number -> text inputType number;
 * date -> text inputType date; visibleIf -> SurveyJS expressions. Strings keep the three languages.
 */
import type { Answer, AnswerValue, Condition, LocalizedText, Question, Questionnaire } from '../src/engine/types';

type Json = Record<string, unknown>;
type SurveyText = { default: string; fr: string; de: string };

const localized = (t: LocalizedText): SurveyText => ({ default: t.en, fr: t.fr, de: t.de });

const CONFORMITY_CHOICES = [
  { value: 'conform', text: { default: 'Conform', fr: 'Conforme', de: 'Konform' } },
  { value: 'partial', text: { default: 'Partially conform', fr: 'Partiellement conforme', de: 'Teilweise konform' } },
  { value: 'nonConform', text: { default: 'Not conform', fr: 'Non conforme', de: 'Nicht konform' } },
  { value: 'notApplicable', text: { default: 'Not applicable', fr: 'Sans objet', de: 'Nicht anwendbar' } },
];

const literal = (value: string | number) =>
  typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "\\'")}'`;

/** Our condition tree as a SurveyJS expression. */
export function toExpression(condition: Condition): string {
  if ('all' in condition) return condition.all.map((c) => `(${toExpression(c)})`).join(' and ');
  if ('any' in condition) return condition.any.map((c) => `(${toExpression(c)})`).join(' or ');
  if ('not' in condition) return `!(${toExpression(condition.not)})`;
  const name = `{${condition.question}}`;
  if ('equals' in condition) return `${name} = ${literal(condition.equals)}`;
  if ('in' in condition) return `${name} anyof [${condition.in.map(literal).join(', ')}]`;
  if ('includes' in condition) return `${name} contains ${literal(condition.includes)}`;
  if ('answered' in condition) return `${name} ${condition.answered ? 'notempty' : 'empty'}`;
  if ('atLeast' in condition) return `${name} >= ${condition.atLeast}`;
  return `${name} <= ${condition.atMost}`;
}

function toElement(question: Question): Json {
  const base: Json = {
    name: question.id,
    title: localized(question.text),
    isRequired: question.required !== false,
    ...(question.help ? { description: localized(question.help) } : {}),
    ...(question.visibleIf ? { visibleIf: toExpression(question.visibleIf) } : {}),
  };
  switch (question.type) {
    case 'conformity':
      return { type: 'radiogroup', ...base, choices: CONFORMITY_CHOICES };
    case 'singleChoice':
      return {
        type: 'radiogroup',
        ...base,
        choices: (question.options ?? []).map((o) => ({ value: o.value, text: localized(o.label) })),
      };
    case 'multipleChoice': {
      const options = question.options ?? [];
      const none = options.find((o) => o.exclusive && o.value === 'none');
      return {
        type: 'checkbox',
        ...base,
        choices: options.filter((o) => o !== none).map((o) => ({ value: o.value, text: localized(o.label) })),
        ...(none ? { showNoneItem: true, noneText: localized(none.label) } : {}),
      };
    }
    case 'shortText':
      return { type: 'text', ...base, ...(question.maxLength ? { maxLength: question.maxLength } : {}) };
    case 'longText':
      return { type: 'comment', ...base, ...(question.maxLength ? { maxLength: question.maxLength } : {}) };
    case 'number':
      return {
        type: 'text',
        inputType: 'number',
        ...base,
        ...(question.min !== undefined ? { min: question.min } : {}),
        ...(question.max !== undefined ? { max: question.max } : {}),
      };
    case 'date':
      return { type: 'text', inputType: 'date', ...base };
  }
}

export function toSurveyJs(questionnaire: Questionnaire): Json {
  return {
    title: localized(questionnaire.title),
    description: localized(questionnaire.description),
    locale: 'en',
    // Like Conformo: the answer is in the model as it is typed (Conformo saves it as typed), and a hidden question
    // keeps its answer.
    textUpdateMode: 'onTyping',
    clearInvisibleValues: 'none',
    // Like Conformo, "Next" never stops at unanswered required questions; they count as gaps, checked at the end.
    checkErrorsMode: 'onComplete',
    // The equivalent of Conformo's "N of M" per section: a count of the answered questions.
    showProgressBar: true,
    progressBarType: 'questions',
    pages: questionnaire.sections.map((section) => ({
      name: section.id,
      title: localized(section.title),
      ...(section.description ? { description: localized(section.description) } : {}),
      ...(section.visibleIf ? { visibleIf: toExpression(section.visibleIf) } : {}),
      elements: section.questions.map(toElement),
    })),
  };
}

/** The same answers as SurveyJS data (`model.data`). */
export function toSurveyData(answers: readonly Answer[]): Record<string, AnswerValue> {
  return Object.fromEntries(answers.flatMap((a) => (a.value === undefined ? [] : [[a.questionId, a.value]])));
}
