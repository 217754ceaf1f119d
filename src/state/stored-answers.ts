import { useEffect } from 'react';
import { create } from 'zustand';
import { sameAnswer } from '../engine/answers';
import type { AnswerRecord } from '../engine/records';
import type { Answer } from '../engine/types';
import { type AnswersChange, watchAnswers } from '../storage/repository';

/**
 * What IndexedDB holds for each assessment on screen, followed as it changes (this tab's writes and every other tab's).
 * A write that has just committed hands its records over at once too, so that a change leaving the unsaved map is
 * already here: the screen never falls back to the older value for the moment the re-read takes.
 */
interface StoredAnswersState {
  byAssessment: ReadonlyMap<string, ReadonlyMap<string, Answer>>;
}

const useStoredAnswersStore = create<StoredAnswersState>(() => ({ byAssessment: new Map() }));

/**
 * Keeps the objects of unchanged answers, so that memoised cards re-render only for answers that changed; the map
 * itself too when nothing changed (a re-read of what this tab's write already handed over).
 */
function merged(previous: ReadonlyMap<string, Answer> | undefined, change: AnswersChange): ReadonlyMap<string, Answer> {
  const next = change.kind === 'all' ? new Map<string, Answer>() : new Map(previous);
  let changed = previous === undefined;
  const records = change.kind === 'all' ? change.answers : change.changed;
  for (const record of records) {
    const earlier = previous?.get(record.questionId);
    const kept = earlier && sameAnswer(earlier, record) ? earlier : record;
    if (kept !== earlier) changed = true;
    next.set(record.questionId, kept);
  }
  if (change.kind === 'some') {
    for (const questionId of change.removed) changed = next.delete(questionId) || changed;
  } else if (previous && previous.size !== next.size) changed = true;
  return changed || !previous ? next : previous;
}

function setAnswers(assessmentId: string, answers: ReadonlyMap<string, Answer> | undefined): void {
  if (useStoredAnswersStore.getState().byAssessment.get(assessmentId) === answers) return;
  const byAssessment = new Map(useStoredAnswersStore.getState().byAssessment);
  if (answers) byAssessment.set(assessmentId, answers);
  else byAssessment.delete(assessmentId);
  useStoredAnswersStore.setState({ byAssessment });
}

const watchers = new Map<string, { users: number; stop: () => void }>();

function watch(assessmentId: string): () => void {
  let watcher = watchers.get(assessmentId);
  if (!watcher) {
    const stop = watchAnswers(
      assessmentId,
      (change) =>
        setAnswers(assessmentId, merged(useStoredAnswersStore.getState().byAssessment.get(assessmentId), change)),
      (error) => console.error('reading answers failed', error),
    );
    watcher = { users: 0, stop };
    watchers.set(assessmentId, watcher);
  }
  watcher.users += 1;
  const current = watcher;
  return () => {
    current.users -= 1;
    if (current.users > 0) return;
    current.stop();
    watchers.delete(assessmentId);
    setAnswers(assessmentId, undefined);
  };
}

/** Records a write has just made durable, for the assessments on screen. */
export function acceptWritten(records: readonly AnswerRecord[]): void {
  const byAssessment = useStoredAnswersStore.getState().byAssessment;
  const grouped = new Map<string, AnswerRecord[]>();
  for (const record of records) {
    if (!byAssessment.has(record.assessmentId)) continue;
    grouped.set(record.assessmentId, [...(grouped.get(record.assessmentId) ?? []), record]);
  }
  for (const [assessmentId, written] of grouped) {
    const answers = new Map(byAssessment.get(assessmentId));
    for (const record of written) answers.set(record.questionId, record);
    setAnswers(assessmentId, answers);
  }
}

/** The stored answers of one assessment; `undefined` while they are read. */
export function useStoredAnswers(assessmentId: string): ReadonlyMap<string, Answer> | undefined {
  useEffect(() => watch(assessmentId), [assessmentId]);
  return useStoredAnswersStore((s) => s.byAssessment.get(assessmentId));
}
