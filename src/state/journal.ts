import type { AnswerPatch } from '../engine/answers';
import type { AnswerValue } from '../engine/types';

/**
 * A synchronous copy of the changes not yet durable in IndexedDB, in localStorage. A write started on `pagehide`
 * does not finish before a reload takes the page (measured: text typed 0-200 ms before a reload was lost), but a
 * localStorage write is done when `setItem` returns. The next page adopts what a page that is gone left here.
 *
 * Each page writes its own key and holds a Web Lock of the same name while it lives: a journal is adopted only once
 * its lock is free, so a page never takes over the changes of a tab that is still open (and still writing them).
 */
const PREFIX = 'conformo:unsaved:';
/** Survives a reload of the same tab, so the new page knows which journal its predecessor wrote. */
const PREVIOUS_PAGE = 'conformo:page';

export interface Journal {
  /** Replaces this page's journal with these changes (none: removes it). False when the browser refused. */
  save(patches: readonly AnswerPatch[]): boolean;
  /** Hands over, once each, the changes of every page that is gone; waits for pages that are still open. */
  adoptOrphans(adopt: (patches: AnswerPatch[]) => void): void;
  /** Removes every journal (after "delete all my data"). */
  clearAll(): void;
}

type Locks = Pick<LockManager, 'request'>;

function isAnswerValue(value: unknown): value is AnswerValue {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Restores one journaled patch field by field; anything else in the journal (a foreign or damaged entry) is dropped. */
export function restorePatch(raw: unknown): AnswerPatch | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.assessmentId !== 'string' || typeof r.questionId !== 'string') return undefined;
  const patch: AnswerPatch = { assessmentId: r.assessmentId, questionId: r.questionId };
  if (r.value === null || isAnswerValue(r.value)) patch.value = r.value;
  if (typeof r.justification === 'string') patch.justification = r.justification;
  if (typeof r.comment === 'string') patch.comment = r.comment;
  if (r.confirm === true) patch.confirm = true;
  if (typeof r.at === 'string' && !Number.isNaN(Date.parse(r.at))) patch.at = r.at;
  return patch;
}

export function parseJournal(text: string | null): AnswerPatch[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as { version?: unknown; patches?: unknown };
    if (parsed?.version !== 1 || !Array.isArray(parsed.patches)) return [];
    return parsed.patches.flatMap((p) => restorePatch(p) ?? []);
  } catch {
    return [];
  }
}

export function openJournal(
  storage: Storage,
  session: Storage | undefined,
  locks: Locks | undefined,
  pageId: string = crypto.randomUUID(),
): Journal {
  const ownKey = PREFIX + pageId;
  const previousKey = session?.getItem(PREVIOUS_PAGE);
  session?.setItem(PREVIOUS_PAGE, ownKey);
  // Held for the page's life: released by the browser when the page goes, however it goes.
  void locks?.request(ownKey, () => new Promise<never>(() => {}));
  let warned = false;

  const journalKeys = () => {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX) && key !== ownKey) keys.push(key);
    }
    // The page this one replaced first: its changes are the ones the user is looking for.
    return keys.sort((a, b) => Number(b === previousKey) - Number(a === previousKey));
  };

  const takeOver = (key: string, adopt: (patches: AnswerPatch[]) => void) => {
    const patches = parseJournal(storage.getItem(key));
    if (patches.length > 0) adopt(patches);
    // Adopting wrote them into this page's journal first: removing theirs now loses nothing.
    storage.removeItem(key);
  };

  return {
    save(patches) {
      try {
        if (patches.length === 0) storage.removeItem(ownKey);
        else storage.setItem(ownKey, JSON.stringify({ version: 1, patches }));
        return true;
      } catch (error) {
        // A full localStorage: IndexedDB still gets every change within a fraction of a second.
        if (!warned) console.warn('the unsaved-changes journal cannot be written', error);
        warned = true;
        return false;
      }
    },
    adoptOrphans(adopt) {
      for (const key of journalKeys()) {
        if (!locks) {
          // Without Web Locks, liveness cannot be known: adopt at once (a second open tab writes the same changes).
          takeOver(key, adopt);
          continue;
        }
        void locks.request(key, async () => takeOver(key, adopt));
      }
    },
    clearAll() {
      for (const key of journalKeys()) storage.removeItem(key);
      storage.removeItem(ownKey);
    },
  };
}
