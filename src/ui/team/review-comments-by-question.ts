import { useRef } from 'react';
import type { ReviewComment } from '../../state/team';

export type CommentsByQuestion = ReadonlyMap<string, readonly ReviewComment[]>;

const NONE: readonly ReviewComment[] = [];

/** Comments are never edited, only added: the same ids in the same order are the same comments. */
function sameComments(a: readonly ReviewComment[], b: readonly ReviewComment[]): boolean {
  return a.length === b.length && a.every((comment, i) => comment.id === b[i]?.id);
}

/**
 * Groups comments by question, keeping the previous array of every question whose comments did not change, so that
 * a comment on one question re-renders that question's card only (cards are memoised on their props).
 */
export function groupByQuestion(comments: readonly ReviewComment[], previous: CommentsByQuestion): CommentsByQuestion {
  const grouped = new Map<string, ReviewComment[]>();
  for (const comment of comments) {
    const list = grouped.get(comment.questionId);
    if (list) list.push(comment);
    else grouped.set(comment.questionId, [comment]);
  }
  const result = new Map<string, readonly ReviewComment[]>();
  for (const [questionId, list] of grouped) {
    const before = previous.get(questionId);
    result.set(questionId, before && sameComments(before, list) ? before : list);
  }
  return result;
}

/**
 * A shared assessment's reviewer comments for one question: the same array while they stay the same, an empty one
 * for a question without comments; undefined for every question of an assessment that is not shared.
 */
export function useReviewCommentsByQuestion(
  shared: boolean,
  comments: readonly ReviewComment[] | undefined,
): (questionId: string) => readonly ReviewComment[] | undefined {
  const last = useRef<{ comments: readonly ReviewComment[]; grouped: CommentsByQuestion }>({
    comments: NONE,
    grouped: new Map(),
  });
  const current = comments ?? NONE;
  if (last.current.comments !== current) {
    last.current = { comments: current, grouped: groupByQuestion(current, last.current.grouped) };
  }
  const { grouped } = last.current;
  return shared ? (questionId) => grouped.get(questionId) ?? NONE : () => undefined;
}
