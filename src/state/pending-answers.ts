import type { Answer } from '../engine/types';
import type { AnswerPatch } from '../storage/repository';

/** A change the user made that the database has not confirmed yet, and when it was made. */
export interface PendingAnswer {
  patch: AnswerPatch;
  since: string;
}

export function pendingKey(assessmentId: string, questionId: string): string {
  return `${assessmentId}\u0000${questionId}`;
}

/**
 * The answers to show: the stored ones, with the user's latest changes on top until the database returns a record
 * at least as recent. The screen (the choice, the counts, what conditions show) follows a click at once, and the
 * stored answer takes over as soon as it arrives, so the view never drifts from what is saved.
 */
export function overlayPending(
  stored: ReadonlyMap<string, Answer>,
  pending: ReadonlyMap<string, PendingAnswer>,
  assessmentId: string,
): Map<string, Answer> {
  const view = new Map(stored);
  for (const { patch, since } of pending.values()) {
    if (patch.assessmentId !== assessmentId) continue;
    const current = stored.get(patch.questionId);
    if (current && current.updated >= since) continue;
    const next: Answer = { ...(current ?? { questionId: patch.questionId }), updated: since };
    if (patch.value === null) delete next.value;
    else if (patch.value !== undefined) next.value = patch.value;
    if (patch.justification !== undefined) next.justification = patch.justification;
    if (patch.comment !== undefined) next.comment = patch.comment;
    delete next.carriedOver;
    view.set(patch.questionId, next);
  }
  return view;
}
