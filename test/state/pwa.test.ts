import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { formatBytes, type StorageApi, usePwa } from '../../src/state/pwa';
import { useSession } from '../../src/state/session';

const initialPwa = usePwa.getState();
const initialSession = useSession.getState();
beforeEach(() => {
  usePwa.setState(initialPwa, true);
});
afterEach(() => {
  useSession.setState(initialSession, true);
});

/** Intl writes no-break spaces (U+00A0, U+202F) in sizes: compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatBytes', () => {
  it('writes sizes with decimal units in the reader’s language', () => {
    expect(plain(formatBytes(1_234_567, 'en'))).toBe('1.2 MB');
    expect(plain(formatBytes(1_234_567, 'fr'))).toBe('1,2 Mo');
    expect(plain(formatBytes(1_234_567, 'de'))).toBe('1,2 MB');
    expect(plain(formatBytes(2_000_000_000, 'en'))).toBe('2 GB');
    expect(plain(formatBytes(2_000_000_000, 'fr'))).toBe('2 Go');
    expect(plain(formatBytes(56_700_000_000, 'de'))).toBe('57 GB');
    expect(plain(formatBytes(12_345, 'en'))).toBe('12 kB');
    expect(plain(formatBytes(3_500_000_000_000, 'fr'))).toBe('3,5 To');
  });

  it('writes small sizes in bytes, and never a negative size', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(plain(formatBytes(512, 'fr'))).toBe('512 octets');
    expect(plain(formatBytes(999, 'de'))).toBe('999 Byte');
    expect(formatBytes(-5, 'en')).toBe('0 bytes');
  });

  it('moves to the next unit rather than print "1,000 kB"', () => {
    expect(plain(formatBytes(999_960, 'en'))).toBe('1 MB');
    expect(plain(formatBytes(999_400, 'en'))).toBe('999 kB');
    expect(plain(formatBytes(9_960, 'en'))).toBe('10 kB');
    expect(plain(formatBytes(9_940, 'en'))).toBe('9.9 kB');
  });
});

type FakeStorage = { [K in keyof Required<StorageApi>]: Mock<Required<StorageApi>[K]> };

function fakeStorage(granted: boolean, estimate?: StorageEstimate): FakeStorage {
  let persisted = false;
  return {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      persisted = granted;
      return granted;
    }),
    estimate: vi.fn(async () => estimate ?? {}),
  };
}

describe('checkStorage', () => {
  it('asks for persistent storage and reads the usage', async () => {
    const storage = fakeStorage(true, { usage: 1_200_000, quota: 2_000_000_000 });
    await usePwa.getState().checkStorage(storage);
    expect(storage.persist).toHaveBeenCalledOnce();
    expect(usePwa.getState()).toMatchObject({
      persistence: 'persistent',
      use: { usage: 1_200_000, quota: 2_000_000_000 },
    });
  });

  it('does not ask again when the storage is already persistent', async () => {
    const storage = fakeStorage(true);
    storage.persisted.mockResolvedValue(true);
    await usePwa.getState().checkStorage(storage);
    expect(storage.persist).not.toHaveBeenCalled();
    expect(usePwa.getState().persistence).toBe('persistent');
    expect(usePwa.getState().use).toBeUndefined();
  });

  it('says "best effort" when the browser refuses, or when asking fails', async () => {
    await usePwa.getState().checkStorage(fakeStorage(false, { usage: 10, quota: 100 }));
    expect(usePwa.getState()).toMatchObject({ persistence: 'bestEffort', use: { usage: 10, quota: 100 } });
    const failing = fakeStorage(true);
    failing.persist.mockRejectedValue(new Error('not allowed'));
    failing.estimate.mockRejectedValue(new Error('not allowed'));
    await usePwa.getState().checkStorage(failing);
    expect(usePwa.getState().persistence).toBe('bestEffort');
  });

  it('says "unknown" in a browser without the Storage API', async () => {
    await usePwa.getState().checkStorage({});
    expect(usePwa.getState()).toMatchObject({ persistence: 'unknown', use: undefined });
  });
});

describe('applyUpdate', () => {
  it('saves pending answers first, then lets the new version take over', async () => {
    const calls: string[] = [];
    useSession.setState({
      saveStatus: 'pending',
      flush: async () => {
        calls.push('flush');
        useSession.setState({ saveStatus: 'saved' });
      },
    });
    usePwa.getState().setWaiting({ activate: () => calls.push('activate') });
    await usePwa.getState().applyUpdate();
    expect(calls).toEqual(['flush', 'activate']);
    expect(usePwa.getState().update).toBe('updating');
  });

  it('waits for a write already running (a blur) before handing over', async () => {
    const calls: string[] = [];
    useSession.setState({ saveStatus: 'saving', flush: async () => void calls.push('flush') });
    usePwa.getState().setWaiting({ activate: () => calls.push('activate') });
    const done = usePwa.getState().applyUpdate();
    await Promise.resolve();
    expect(calls).toEqual([]);
    useSession.setState({ saveStatus: 'saved' });
    await done;
    expect(calls).toEqual(['flush', 'activate']);
  });

  it('does not reload when the answers could not be saved, and lets the user try again', async () => {
    const activate = vi.fn();
    useSession.setState({ flush: async () => useSession.setState({ saveStatus: 'error', saveProblem: 'quota' }) });
    usePwa.getState().setWaiting({ activate });
    await usePwa.getState().applyUpdate();
    expect(activate).not.toHaveBeenCalled();
    expect(usePwa.getState().update).toBe('unsaved');

    useSession.setState({ flush: async () => useSession.setState({ saveStatus: 'saved', saveProblem: undefined }) });
    await usePwa.getState().applyUpdate();
    expect(activate).toHaveBeenCalledOnce();
  });

  it('does nothing without a waiting version, and hands over only once', async () => {
    await usePwa.getState().applyUpdate();
    expect(usePwa.getState().update).toBe('idle');
    const activate = vi.fn();
    usePwa.getState().setWaiting({ activate });
    await Promise.all([usePwa.getState().applyUpdate(), usePwa.getState().applyUpdate()]);
    expect(activate).toHaveBeenCalledOnce();
  });
});
