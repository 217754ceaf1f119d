import { evaluateCondition, hasValue, reasonsFor } from './conditions';
import type { Visibility } from './progress';
import type { AnswerMap, ChoiceOption, Outcome, Question, Questionnaire } from './types';

export interface OutcomeResult {
  outcome: Outcome;
  /** Questions whose answers led to this outcome, in questionnaire order. */
  because: Question[];
  /** Chosen options of the outcome's detail question (e.g. the Annex III point). */
  details: ChoiceOption[];
}

/**
 * Applies the questionnaire's declared rules to the answers that count.
 * Rules with `when` come first; `otherwise` rules apply when none of their categories matched.
 */
export function evaluateOutcomes(
  questionnaire: Questionnaire,
  answers: AnswerMap,
  visibility: Visibility,
): OutcomeResult[] {
  const outcomes = questionnaire.outcomes ?? [];
  if (outcomes.length === 0) return [];
  const questions = new Map(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const order = [...questions.keys()];
  const lookup = (id: string) => (visibility.questions.has(id) ? answers.get(id)?.value : undefined);

  const matched: OutcomeResult[] = [];
  for (const outcome of outcomes) {
    if (!outcome.when || !evaluateCondition(outcome.when, lookup)) continue;
    // Only given answers explain an outcome; a question left blank inside a "not" is no reason to show.
    const because = reasonsFor(outcome.when, lookup)
      .filter((id) => hasValue(lookup(id)))
      .sort((a, b) => order.indexOf(a) - order.indexOf(b))
      .flatMap((id) => questions.get(id) ?? []);
    matched.push({ outcome, because, details: detailsOf(outcome, questions, lookup) });
  }
  const categories = new Set(matched.map((m) => m.outcome.category));
  const fallbacks = outcomes
    .filter((o) => o.otherwise && !o.otherwise.some((c) => categories.has(c)))
    .map((outcome) => ({ outcome, because: [], details: [] }));
  return [...matched, ...fallbacks];
}

function detailsOf(
  outcome: Outcome,
  questions: ReadonlyMap<string, Question>,
  lookup: (id: string) => unknown,
): ChoiceOption[] {
  if (!outcome.detailFrom) return [];
  const question = questions.get(outcome.detailFrom);
  const value = lookup(outcome.detailFrom);
  const chosen = Array.isArray(value) ? value : [value];
  return (question?.options ?? []).filter((o) => chosen.includes(o.value) && !o.exclusive);
}
