import { useObservable } from 'dexie-react-hooks';
import { create } from 'zustand';
import type { HistoryRecord } from '../engine/records';
import type { AssessmentSnapshot } from '../storage/lifecycle';
import { watchHistory } from '../storage/repository';

// What changes an assessment's life (copy, archive, sign off, delete) loads on first use, not with the home screen.
const lifecycle = () => import('../storage/lifecycle');
type Lifecycle = typeof import('../storage/lifecycle');
function onFirstUse<K extends keyof Lifecycle>(name: K) {
  type Action = Lifecycle[K] extends (...args: infer A) => infer R ? (...args: A) => R : never;
  return (async (...args: unknown[]) => {
    const action = (await lifecycle())[name] as (...args: unknown[]) => unknown;
    return action(...args);
  }) as Action;
}

export const changeQuestionnaireVersion = onFirstUse('changeQuestionnaireVersion');
export const duplicateAssessment = onFirstUse('duplicateAssessment');
export const reopenAssessment = onFirstUse('reopenAssessment');
export const setArchived = onFirstUse('setArchived');
export const signOffAssessment = onFirstUse('signOffAssessment');
export const updateDetails = onFirstUse('updateDetails');

export function useHistory(assessmentId: string, questionId: string): HistoryRecord[] | undefined {
  return useObservable(() => watchHistory(assessmentId, questionId), [assessmentId, questionId]);
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
    const snapshot = await (await lifecycle()).deleteAssessment(id);
    set({ deleted: snapshot });
  },
  undo: async () => {
    const snapshot = get().deleted;
    if (!snapshot) return;
    await (await lifecycle()).restoreSnapshot(snapshot);
    set({ deleted: undefined });
  },
  dismiss: () => set({ deleted: undefined }),
}));
