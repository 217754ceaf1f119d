import { describe, expect, it } from 'vitest';
import type { AnswerPatch } from '../../src/engine/answers';
import { openJournal, parseJournal } from '../../src/state/journal';

/** localStorage and sessionStorage as the browser keeps them, one per origin and one per tab. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

/** Web Locks of one origin: a lock is held until its callback's promise settles or its page goes. */
function memoryLocks() {
  const held = new Map<string, { release: () => void }>();
  const waiting = new Map<string, Array<() => void>>();
  const pageLocks = new Map<string, string[]>();
  const grant = (name: string, page: string, callback: () => unknown) => {
    let release = () => {};
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    held.set(name, { release });
    pageLocks.set(page, [...(pageLocks.get(page) ?? []), name]);
    void Promise.race([Promise.resolve(callback()), done]).then(() => {
      held.delete(name);
      waiting.get(name)?.shift()?.();
    });
  };
  const forPage = (page: string) => ({
    request: ((name: string, callback: () => unknown) => {
      if (!held.has(name)) grant(name, page, callback);
      else waiting.set(name, [...(waiting.get(name) ?? []), () => grant(name, page, callback)]);
      return Promise.resolve();
    }) as unknown as LockManager['request'],
  });
  /** The page is gone (closed, reloaded, killed): the browser releases its locks. */
  const close = (page: string) => {
    for (const name of pageLocks.get(page) ?? []) held.get(name)?.release();
    pageLocks.delete(page);
  };
  return { forPage, close };
}

const change = (comment: string): AnswerPatch => ({
  assessmentId: 'a',
  questionId: 'q',
  comment,
  at: '2026-12-03T10:00:00.000Z',
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the unsaved-changes journal', () => {
  it('gives a reloaded page what the page before it had not saved', async () => {
    const local = memoryStorage();
    const tab = memoryStorage();
    const locks = memoryLocks();
    const before = openJournal(local, tab, locks.forPage('before'), 'before');
    expect(before.save([change('typed just before the reload')])).toBe(true);

    locks.close('before');
    const after = openJournal(local, tab, locks.forPage('after'), 'after');
    const adopted: AnswerPatch[] = [];
    after.adoptOrphans((patches) => {
      adopted.push(...patches);
      after.save(patches);
    });
    await tick();
    expect(adopted).toEqual([change('typed just before the reload')]);
    // Taken over once: the old page's journal is gone, the new page's holds the change until it is written.
    expect(parseJournal(local.getItem('conformo:unsaved:before'))).toEqual([]);
    expect(parseJournal(local.getItem('conformo:unsaved:after'))).toEqual([change('typed just before the reload')]);
  });

  it('never takes the changes of a tab that is still open, and takes them once it closes', async () => {
    const local = memoryStorage();
    const locks = memoryLocks();
    const open = openJournal(local, memoryStorage(), locks.forPage('open'), 'open');
    open.save([change('the open tab is still writing this')]);
    const other = openJournal(local, memoryStorage(), locks.forPage('other'), 'other');
    const adopted: AnswerPatch[] = [];
    other.adoptOrphans((patches) => adopted.push(...patches));
    await tick();
    expect(adopted).toEqual([]);
    locks.close('open');
    await tick();
    expect(adopted).toEqual([change('the open tab is still writing this')]);
  });

  it('removes its journal when nothing is unsaved, and ignores damaged or foreign entries', () => {
    const local = memoryStorage();
    const journal = openJournal(local, undefined, undefined, 'p');
    journal.save([change('x')]);
    journal.save([]);
    expect(local.getItem('conformo:unsaved:p')).toBeNull();
    expect(parseJournal('{not json')).toEqual([]);
    expect(parseJournal(JSON.stringify({ version: 2, patches: [change('x')] }))).toEqual([]);
    expect(
      parseJournal(
        JSON.stringify({
          version: 1,
          patches: [{ assessmentId: 'a', questionId: 'q', value: { evil: true }, comment: 7, __proto__: { x: 1 } }, 5],
        }),
      ),
    ).toEqual([{ assessmentId: 'a', questionId: 'q' }]);
  });

  it('says so when the browser refuses to write it (a full localStorage)', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as Storage;
    expect(openJournal(full, undefined, undefined, 'p').save([change('x')])).toBe(false);
  });
});
