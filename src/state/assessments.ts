import { useObservable } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Answer } from '../engine/types';
import type { AnswerRecord, AssessmentRecord } from '../storage/db';
import {
  createAssessment,
  type NewAssessment,
  watchAllAnswers,
  watchAnswers,
  watchAssessment,
  watchAssessments,
} from '../storage/repository';

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

export function useAnswers(assessmentId: string): Map<string, Answer> | undefined {
  const records = useObservable(() => watchAnswers(assessmentId), [assessmentId]);
  return useMemo(() => (records ? toAnswerMap(records) : undefined), [records]);
}

/** Answers of every assessment, for the progress shown on the home screen. */
export function useAnswersByAssessment(): Map<string, Map<string, Answer>> | undefined {
  const records = useObservable(() => watchAllAnswers(), []);
  return useMemo(() => {
    if (!records) return undefined;
    const byAssessment = new Map<string, Map<string, Answer>>();
    for (const record of records) {
      const answers = byAssessment.get(record.assessmentId) ?? new Map<string, Answer>();
      answers.set(record.questionId, record);
      byAssessment.set(record.assessmentId, answers);
    }
    return byAssessment;
  }, [records]);
}

export function startAssessment(input: NewAssessment): Promise<AssessmentRecord> {
  return createAssessment(input);
}
