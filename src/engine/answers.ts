import type { Answer, AnswerValue, Question } from './types';

/** What a user changed on one question; fields left out keep their value. */
export interface AnswerPatch {
  assessmentId: string;
  questionId: string;
  /** null clears the answer. */
  value?: AnswerValue | null;
  justification?: string;
  comment?: string;
  /** true: the user confirms an answer carried over from an earlier assessment without changing it. */
  confirm?: boolean;
  /**
   * When the user made the change (ISO time). It becomes the answer's `updated`, so a write that starts late never
   * looks newer than a change made after it. Without it, the time of the write.
   */
  at?: string;
}

/** The one key of an answer across assessments. */
export function answerKey(assessmentId: string, questionId: string): string {
  return `${assessmentId}\u0000${questionId}`;
}

/**
 * The answer after a change: the one rule that storage (what is written) and the view (what is shown before it is
 * written) both apply, so the screen can never show something the database will not hold.
 */
export function applyPatch<T extends Answer>(answer: T | undefined, patch: AnswerPatch, now: string): T {
  const next = { ...(answer ?? { questionId: patch.questionId }), updated: patch.at ?? now } as T;
  if (patch.value === null) delete next.value;
  else if (patch.value !== undefined) next.value = patch.value;
  if (patch.justification !== undefined) next.justification = patch.justification;
  if (patch.comment !== undefined) next.comment = patch.comment;
  // Touching a carried-over answer, or confirming it, makes it this assessment's own.
  delete next.carriedOver;
  return next;
}

/** Two changes of one answer as one: the later one's fields win, and its time. */
export function mergePatches(earlier: AnswerPatch, later: AnswerPatch): AnswerPatch {
  const merged: AnswerPatch = { ...earlier };
  for (const [field, value] of Object.entries(later)) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[field] = value;
  }
  return merged;
}

function sameValue(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Same content and time: a re-read record that may replace the one already shown without a re-render. */
export function sameAnswer(a: Answer, b: Answer): boolean {
  return (
    a.updated === b.updated &&
    sameValue(a.value, b.value) &&
    a.justification === b.justification &&
    a.comment === b.comment &&
    a.carriedOver === b.carriedOver
  );
}

/** A conformity question answered "not applicable" must say why. */
export function needsJustification(question: Question, value: AnswerValue | undefined): boolean {
  return question.type === 'conformity' && value === 'notApplicable';
}

export function justificationMissing(question: Question, answer: Answer | undefined): boolean {
  return needsJustification(question, answer?.value) && (answer?.justification ?? '').trim() === '';
}
