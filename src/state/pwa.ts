import { create } from 'zustand';
import { useSession } from './session';

/** What the page may ask of a new version's service worker (given by src/pwa/register.ts, mocked in tests). */
export interface WaitingWorker {
  /** Lets the new version take over; the page reloads once it controls. */
  activate: () => void;
}

/** persistent: the browser will not clear the data on its own; bestEffort: it may, under storage pressure. */
export type Persistence = 'checking' | 'persistent' | 'bestEffort' | 'unknown';

export interface StorageUse {
  usage: number;
  quota: number;
}

/** The subset of `navigator.storage` used here (absent in old browsers and in insecure contexts). */
export type StorageApi = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

interface PwaState {
  /** A new version is installed and waits for the user's consent. */
  waiting: WaitingWorker | undefined;
  /** updating: saving, then handing over; unsaved: the last changes could not be saved, so the update waits. */
  update: 'idle' | 'updating' | 'unsaved';
  dismissed: boolean;
  /** The app is precached and this page is controlled by the service worker: it works offline. */
  offlineReady: boolean;
  persistence: Persistence;
  use: StorageUse | undefined;
  setWaiting: (worker: WaitingWorker) => void;
  setOfflineReady: () => void;
  dismiss: () => void;
  /** Saves every pending answer, then (only if that worked) lets the new version take over. */
  applyUpdate: () => Promise<void>;
  /** Asks for persistent storage once, then reads how much is used. */
  checkStorage: (storage?: StorageApi) => Promise<void>;
  refreshUse: (storage?: StorageApi) => Promise<void>;
}

const browserStorage = (): StorageApi | undefined =>
  typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageApi | undefined);

export const usePwa = create<PwaState>((set, get) => ({
  waiting: undefined,
  update: 'idle',
  dismissed: false,
  offlineReady: false,
  persistence: 'checking',
  use: undefined,
  setWaiting: (waiting) => set({ waiting, dismissed: false, update: 'idle' }),
  setOfflineReady: () => set({ offlineReady: true }),
  dismiss: () => set({ dismissed: true }),
  applyUpdate: async () => {
    const { waiting, update } = get();
    if (!waiting || update === 'updating') return;
    set({ update: 'updating' });
    // A failed write keeps the answers in this page's memory and journal: reloading now would risk them.
    const saved = await useSession.getState().flush();
    if (!saved.ok) {
      set({ update: 'unsaved' });
      return;
    }
    waiting.activate();
  },
  checkStorage: async (storage = browserStorage()) => {
    if (!storage?.persisted) {
      set({ persistence: 'unknown' });
    } else {
      let persistent = await storage.persisted().catch(() => false);
      if (!persistent && storage.persist) persistent = await storage.persist().catch(() => false);
      set({ persistence: persistent ? 'persistent' : 'bestEffort' });
    }
    await get().refreshUse(storage);
  },
  refreshUse: async (storage = browserStorage()) => {
    const estimate = await storage?.estimate?.().catch(() => undefined);
    if (estimate?.usage !== undefined && estimate.quota !== undefined) {
      set({ use: { usage: estimate.usage, quota: estimate.quota } });
    }
  },
}));
