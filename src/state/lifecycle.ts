import { useObservable } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { create } from 'zustand';
import type { HistoryRecord } from '../engine/records';
import { type EvidenceInfo, watchEvidence } from '../storage/evidence';
import { type AssessmentSnapshot, deleteAssessment, restoreSnapshot } from '../storage/lifecycle';
import { watchHistory } from '../storage/repository';

export type { EvidenceInfo } from '../storage/evidence';
export {
  addEvidence,
  getEvidence,
  MAX_EVIDENCE_BYTES,
  removeEvidence,
} from '../storage/evidence';
export {
  changeQuestionnaireVersion,
  duplicateAssessment,
  reopenAssessment,
  setArchived,
  signOffAssessment,
  updateDetails,
} from '../storage/lifecycle';

export function useHistory(assessmentId: string, questionId: string): HistoryRecord[] | undefined {
  return useObservable(() => watchHistory(assessmentId, questionId), [assessmentId, questionId]);
}

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

interface UndoState {
  /** The last deleted assessment, kept in memory until the user undoes or dismisses. */
  deleted: AssessmentSnapshot | undefined;
  remove: (id: string) => Promise<void>;
  undo: () => Promise<void>;
  dismiss: () => void;
}

export const useUndo = create<UndoState>((set, get) => ({
  deleted: undefined,
  remove: async (id) => {
    const snapshot = await deleteAssessment(id);
    set({ deleted: snapshot });
  },
  undo: async () => {
    const snapshot = get().deleted;
    if (!snapshot) return;
    await restoreSnapshot(snapshot);
    set({ deleted: undefined });
  },
  dismiss: () => set({ deleted: undefined }),
}));
