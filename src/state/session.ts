import { create } from 'zustand';
import { classifyStorageError, type StorageProblem } from '../storage/errors';
import { type AnswerPatch, openStorage, saveAnswers } from '../storage/repository';
import { type PendingAnswer, pendingKey } from './pending-answers';
import { SaveQueue } from './save-queue';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

interface SessionState {
  storage: 'opening' | 'ready' | StorageProblem;
  saveStatus: SaveStatus;
  lastSaved: string | undefined;
  /** Why the last write failed; the unsaved changes stay queued and are retried with the next change. */
  saveProblem: StorageProblem | undefined;
  openStorage: () => Promise<void>;
  /** Choices are written at once; typed text is batched (`immediate: false`) and flushed on blur or pagehide. */
  saveAnswer: (patch: AnswerPatch, options?: { immediate?: boolean }) => Promise<void>;
  flush: () => Promise<void>;
  /** Changes made with `immediate` saves, shown before the database confirms them (see pending-answers.ts). */
  pending: ReadonlyMap<string, PendingAnswer>;
}

const queue = new SaveQueue(
  (patches) => saveAnswers(patches),
  250,
  () => void useSession.getState().flush(),
);

export const useSession = create<SessionState>((set, get) => ({
  storage: 'opening',
  saveStatus: 'idle',
  lastSaved: undefined,
  saveProblem: undefined,
  pending: new Map(),
  openStorage: async () => {
    try {
      await openStorage();
      set({ storage: 'ready' });
    } catch (error) {
      set({ storage: classifyStorageError(error).problem });
    }
  },
  saveAnswer: async (change, options = {}) => {
    // Stamped now, not when the write starts: an older value written late must not look newer than this change.
    const patch = { ...change, at: new Date().toISOString() };
    queue.enqueue(patch);
    if (options.immediate !== false) {
      // Typed text shows in its own field already; a click must show everywhere at once.
      const pending = new Map(get().pending);
      pending.set(pendingKey(patch.assessmentId, patch.questionId), { patch, since: patch.at });
      set({ pending });
    }
    set({ saveStatus: 'pending' });
    if (options.immediate !== false) await get().flush();
  },
  flush: async () => {
    // Nothing queued may still mean a write in flight: a caller (an update, a sign-off) must wait for it too.
    if (queue.size === 0) return queue.idle();
    set({ saveStatus: 'saving' });
    try {
      await queue.flush();
      set({
        saveStatus: queue.size > 0 ? 'pending' : 'saved',
        lastSaved: new Date().toISOString(),
        saveProblem: undefined,
      });
    } catch (error) {
      set({ saveStatus: 'error', saveProblem: classifyStorageError(error).problem });
    }
  },
}));

/** Unsaved typing must survive closing the tab: flush when the page is hidden or left. */
export function flushOnPageHide(target: Window = window): () => void {
  const flush = () => void useSession.getState().flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  target.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
