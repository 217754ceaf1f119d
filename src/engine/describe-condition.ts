import { describeAnswer } from './format';
import { localize } from './localize';
import type { Condition, Language, Question } from './types';

/** Translates `condition.*` keys; the report and the interface each pass their own strings. */
export type ConditionTranslate = (key: string, values?: Record<string, string | number>) => string;

export interface ConditionWords {
  /** Every question of the questionnaire, by id: a condition's values are written as their labels. */
  questions: ReadonlyMap<string, Question>;
  /** How a question is named: "1.2" in the report, "1.2 (“Uses?”)" on screen. */
  name: (questionId: string) => string;
  language: Language;
  t: ConditionTranslate;
  /** Quotation marks around a value; “…” unless the language wants its own (« … », „…“). */
  quote?: (text: string) => string;
}

const curly = (text: string) => `“${text}”`;

/** A condition in words, to say why a question is not shown: on screen beside the gap, and in the report's annex. */
export function describeCondition(condition: Condition, words: ConditionWords): string {
  const { questions, name, language, t, quote = curly } = words;
  const recurse = (c: Condition) => describeCondition(c, words);
  if ('all' in condition) return condition.all.map(recurse).join(t('condition.and'));
  if ('any' in condition) return `(${condition.any.map(recurse).join(t('condition.or'))})`;
  if ('not' in condition) return t('condition.not', { condition: recurse(condition.not) });
  const question = questions.get(condition.question);
  const subject = name(condition.question);
  const value = (v: string | number) =>
    quote(question ? (describeAnswer(question, v, language, (c) => t(`conformity.${c}`)) ?? String(v)) : String(v));
  const label = (v: string) => quote(localize(question?.options?.find((o) => o.value === v)?.label, language) || v);
  if ('equals' in condition) return t('condition.equals', { question: subject, value: value(condition.equals) });
  if ('in' in condition) return t('condition.in', { question: subject, value: condition.in.map(value).join(', ') });
  if ('includes' in condition) return t('condition.includes', { question: subject, value: label(condition.includes) });
  if ('answered' in condition)
    return t(condition.answered ? 'condition.answered' : 'condition.unanswered', { question: subject });
  if ('atLeast' in condition) return t('condition.atLeast', { question: subject, value: condition.atLeast });
  return t('condition.atMost', { question: subject, value: condition.atMost });
}
