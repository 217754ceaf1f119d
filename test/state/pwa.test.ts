import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { type StorageApi, usePwa } from '../../src/state/pwa';
import { useSession } from '../../src/state/session';
import { signOffAssessment } from '../../src/storage/lifecycle';
import { createAssessment, listAnswers, selectDatabase } from '../../src/storage/repository';

const initialPwa = usePwa.getState();
const initialSession = useSession.getState();
beforeEach(() => {
  usePwa.setState(initialPwa, true);
});
afterEach(() => {
  useSession.setState(initialSession, true);
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
  async function typedButUnsaved() {
    selectDatabase(`pwa-${crypto.randomUUID()}`);
    await useSession.getState().openStorage();
    const assessment = await createAssessment({
      questionnaireId: 'q',
      questionnaireVersion: '1',
      title: 'Update',
      organisation: '',
      aiSystem: '',
      assessor: '',
    });
    void useSession
      .getState()
      .saveAnswer(
        { assessmentId: assessment.id, questionId: 'q1', comment: 'typed just before the update' },
        { immediate: false },
      );
    return assessment.id;
  }

  it('lets the new version take over only once what was typed is stored', async () => {
    const id = await typedButUnsaved();
    let storedWhenActivated: unknown;
    usePwa.getState().setWaiting({
      activate: () => {
        storedWhenActivated = listAnswers(id);
      },
    });
    await usePwa.getState().applyUpdate();
    expect(await storedWhenActivated).toMatchObject([{ comment: 'typed just before the update' }]);
    expect(usePwa.getState().update).toBe('updating');
  });

  it('does not hand over when the answers could not be stored, and lets the user try again', async () => {
    const id = await typedButUnsaved();
    // Signed in another tab meanwhile: the typed comment can never be written.
    await signOffAssessment(id, { name: 'A', role: 'B', date: '2026-12-03', statement: '' });
    const activate = vi.fn();
    usePwa.getState().setWaiting({ activate });
    await usePwa.getState().applyUpdate();
    expect(activate).not.toHaveBeenCalled();
    expect(usePwa.getState().update).toBe('unsaved');

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
