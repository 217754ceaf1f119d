import type { AnswerValue, Condition } from './types';

/** Looks up the value of an answer that counts (a hidden question's answer does not). */
export type ValueLookup = (questionId: string) => AnswerValue | undefined;

export function hasValue(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.length > 0;
}

function leafHolds(condition: Condition, value: AnswerValue | undefined): boolean {
  if ('answered' in condition) return hasValue(value) === condition.answered;
  if (!hasValue(value)) return false;
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return typeof value === 'string' && condition.in.includes(value);
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  if ('atLeast' in condition) return typeof value === 'number' && value >= condition.atLeast;
  if ('atMost' in condition) return typeof value === 'number' && value <= condition.atMost;
  return false;
}

export function evaluateCondition(condition: Condition, lookup: ValueLookup): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, lookup));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, lookup));
  if ('not' in condition) return !evaluateCondition(condition.not, lookup);
  return leafHolds(condition, lookup(condition.question));
}

/** Every question a condition reads, in the order it names them. */
export function questionsInCondition(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(questionsInCondition);
  if ('any' in condition) return condition.any.flatMap(questionsInCondition);
  if ('not' in condition) return questionsInCondition(condition.not);
  return [condition.question];
}

/**
 * The questions whose answers make a true condition true: what to show a user who asks "why".
 * Returns an empty list when the condition does not hold.
 */
export function reasonsFor(condition: Condition, lookup: ValueLookup): string[] {
  if (!evaluateCondition(condition, lookup)) return [];
  if ('all' in condition) return unique(condition.all.flatMap((c) => reasonsFor(c, lookup)));
  if ('any' in condition) return unique(condition.any.flatMap((c) => reasonsFor(c, lookup)));
  if ('not' in condition) return unique(questionsInCondition(condition.not));
  return [condition.question];
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
