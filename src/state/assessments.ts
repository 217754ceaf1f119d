import { useObservable } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { AnswerRecord, AssessmentRecord } from '../engine/records';
import type { Answer } from '../engine/types';
import {
  createAssessment,
  type NewAssessment,
  watchAllAnswers,
  watchAssessment,
  watchAssessments,
} from '../storage/repository';
import { useSession } from './session';
import { withUnsaved } from './unsaved-changes';

export type { AssessmentRecord, NewAssessment };

/** `undefined` while loading: a component must not mistake "not read yet" for "empty". */
export function useAssessments(): AssessmentRecord[] | undefined {
  return useObservable(() => watchAssessments(), []);
}

export function useAssessment(id: string): AssessmentRecord | null | undefined {
  const record = useObservable(() => watchAssessment(id), [id], null as unknown as AssessmentRecord | undefined);
  return record === null ? undefined : (record ?? null);
}

export function toAnswerMap(records: readonly AnswerRecord[]): Map<string, Answer> {
  return new Map(records.map((r) => [r.questionId, r]));
}

/** Answers of every assessment, for the progress shown on the home screen. */
export function useAnswersByAssessment(): Map<string, ReadonlyMap<string, Answer>> | undefined {
  const records = useObservable(() => watchAllAnswers(), []);
  const unsaved = useSession((s) => s.unsaved);
  return useMemo(() => {
    if (!records) return undefined;
    const byAssessment = new Map<string, Map<string, Answer>>();
    for (const record of records) {
      const answers = byAssessment.get(record.assessmentId) ?? new Map<string, Answer>();
      answers.set(record.questionId, record);
      byAssessment.set(record.assessmentId, answers);
    }
    return new Map([...byAssessment].map(([id, answers]) => [id, withUnsaved(answers, unsaved, id)] as const));
  }, [records, unsaved]);
}

export function startAssessment(input: NewAssessment): Promise<AssessmentRecord> {
  return createAssessment(input);
}
