import { create } from 'zustand';
import type { AnswerPatch } from '../engine/answers';
import { classifyStorageError, type StorageProblem } from '../storage/errors';
import { onTakenElsewhere, openStorage, saveAnswers } from '../storage/repository';
import { type Journal, openJournal } from './journal';
import { acceptWritten } from './stored-answers';
import { type FlushResult, type UnsavedChange, UnsavedChanges } from './unsaved-changes';

export type { FlushResult, StorageProblem };

/**
 * Derived from the unsaved changes, never set on its own: idle (nothing changed yet), pending (changes wait for
 * their write), saving (a write runs), saved (nothing unsaved), error (the last write failed; the changes are kept).
 */
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

interface SessionState {
  storage: 'opening' | 'ready' | StorageProblem;
  /** Every change not yet durable, by answerKey(): the view shows them over the stored answers. */
  unsaved: ReadonlyMap<string, UnsavedChange>;
  saveStatus: SaveStatus;
  lastSaved: string | undefined;
  /** Why the last write failed; the unsaved changes stay and are retried with the next change or flush. */
  saveProblem: StorageProblem | undefined;
  openStorage: () => Promise<void>;
  /** Choices are written at once; typed text (`immediate: false`) within 250 ms, and on blur or pagehide. */
  saveAnswer: (change: Omit<AnswerPatch, 'at'>, options?: { immediate?: boolean }) => Promise<FlushResult>;
  /** Resolves when every change made so far is durable, or with the problem that stopped it. */
  flush: () => Promise<FlushResult>;
  /** Forgets unsaved changes and their journal, for "delete all my data". */
  discardUnsaved: () => Promise<void>;
}

function statusOf(changes: UnsavedChanges): SaveStatus {
  if (changes.problem) return 'error';
  if (changes.writing) return 'saving';
  if (changes.changes.size > 0) return 'pending';
  return changes.lastSaved ? 'saved' : 'idle';
}

let journal: Journal | undefined;

const unsaved = new UnsavedChanges({
  write: saveAnswers,
  onWritten: (saved) => acceptWritten(saved.written),
  onChange: (changes) => {
    const snapshot = changes.changes;
    if (snapshot !== useSession.getState().unsaved) journal?.save([...snapshot.values()].map((c) => c.patch));
    useSession.setState({
      unsaved: snapshot,
      saveStatus: statusOf(changes),
      saveProblem: changes.problem,
      lastSaved: changes.lastSaved,
    });
  },
});

export const useSession = create<SessionState>(() => ({
  storage: 'opening',
  unsaved: new Map(),
  saveStatus: 'idle',
  lastSaved: undefined,
  saveProblem: undefined,
  openStorage: async () => {
    try {
      await openStorage();
      onTakenElsewhere((reason) => {
        useSession.setState({ storage: reason === 'erased' ? 'erasedElsewhere' : 'upgradedElsewhere' });
        // Erased elsewhere: what this tab has not saved must not come back from its journal after the reload.
        if (reason === 'erased') void useSession.getState().discardUnsaved();
      });
      useSession.setState({ storage: 'ready' });
      unsaved.start();
    } catch (error) {
      useSession.setState({ storage: classifyStorageError(error).problem });
    }
  },
  saveAnswer: (change, options = {}) => {
    // The user erased everything in another tab: a keystroke still on its way must not start a new journal.
    if (useSession.getState().storage === 'erasedElsewhere') {
      return Promise.resolve({ ok: false, problem: 'erasedElsewhere' });
    }
    // Stamped now, not when the write starts: an older value written late must not look newer than this change.
    unsaved.add({ ...change, at: new Date().toISOString() });
    return options.immediate === false ? Promise.resolve({ ok: true }) : unsaved.flush();
  },
  flush: () => unsaved.flush(),
  discardUnsaved: async () => {
    await unsaved.discard();
    journal?.clearAll();
  },
}));

/**
 * Keeps unsaved changes through a reload or a closed tab: journals them synchronously, adopts what earlier pages
 * left, and flushes when the page is hidden or left. Call once, before storage opens.
 */
export function keepUnsavedChanges(target: Window = window): () => void {
  journal = openJournal(target.localStorage, target.sessionStorage, target.navigator.locks);
  journal.adoptOrphans((patches) => {
    for (const patch of patches) unsaved.add(patch);
  });
  const flush = () => void unsaved.flush();
  const onVisibility = () => {
    if (target.document.visibilityState === 'hidden') flush();
  };
  target.addEventListener('pagehide', flush);
  target.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', flush);
    target.document.removeEventListener('visibilitychange', onVisibility);
  };
}

export type AfterSaving<T> = { ok: true; value: T } | { ok: false; problem: StorageProblem };

/**
 * Runs an action that reads what is stored (a sign-off, an export, a backup) only once every change made so far is
 * durable; otherwise it does not run, and the caller learns why.
 */
export async function afterSaving<T>(action: () => Promise<T>): Promise<AfterSaving<T>> {
  const saved = await unsaved.flush();
  if (!saved.ok) return saved;
  return { ok: true, value: await action() };
}
