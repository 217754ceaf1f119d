import { useObservable } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { type EvidenceInfo, watchEvidence } from '../storage/evidence';

// Evidence is used on assessment pages only: kept out of the home screen's first JavaScript.
export type { EvidenceInfo } from '../storage/evidence';
export { addEvidence, getEvidence, MAX_EVIDENCE_BYTES, removeEvidence } from '../storage/evidence';

/** Evidence files of an assessment, grouped by question. */
export function useEvidence(assessmentId: string): Map<string, EvidenceInfo[]> | undefined {
  const files = useObservable(() => watchEvidence(assessmentId), [assessmentId]);
  return useMemo(() => {
    if (!files) return undefined;
    const byQuestion = new Map<string, EvidenceInfo[]>();
    for (const file of files) byQuestion.set(file.questionId, [...(byQuestion.get(file.questionId) ?? []), file]);
    return byQuestion;
  }, [files]);
}
