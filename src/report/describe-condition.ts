import { describeAnswer } from '../engine/format';
import { localize } from '../engine/localize';
import type { Condition, Language, Question } from '../engine/types';
import type { Translate } from './types';

/** A condition in words, for the annex: why a question was not shown. */
export function describeCondition(
  condition: Condition,
  questions: ReadonlyMap<string, Question>,
  numbers: ReadonlyMap<string, string>,
  language: Language,
  t: Translate,
): string {
  const recurse = (c: Condition) => describeCondition(c, questions, numbers, language, t);
  if ('all' in condition) return condition.all.map(recurse).join(t('condition.and'));
  if ('any' in condition) return `(${condition.any.map(recurse).join(t('condition.or'))})`;
  if ('not' in condition) return t('condition.not', { condition: recurse(condition.not) });
  const question = questions.get(condition.question);
  const name = numbers.get(condition.question) ?? condition.question;
  const value = (v: string | number) =>
    question
      ? `“${describeAnswer(question, v, language, (c) => t(`conformity.${c}`)) ?? String(v)}”`
      : `“${String(v)}”`;
  const label = (v: string) => `“${localize(question?.options?.find((o) => o.value === v)?.label, language) || v}”`;
  if ('equals' in condition) return t('condition.equals', { question: name, value: value(condition.equals) });
  if ('in' in condition) return t('condition.in', { question: name, value: condition.in.map(value).join(', ') });
  if ('includes' in condition) return t('condition.includes', { question: name, value: label(condition.includes) });
  if ('answered' in condition)
    return t(condition.answered ? 'condition.answered' : 'condition.unanswered', { question: name });
  if ('atLeast' in condition) return t('condition.atLeast', { question: name, value: condition.atLeast });
  return t('condition.atMost', { question: name, value: condition.atMost });
}
