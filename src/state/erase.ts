import { eraseDatabase } from '../storage/erase';
import { useSession } from './session';

/**
 * "Delete all my data": the database, every cache the service worker filled, the stored language choice, and the
 * worker itself. What remains afterwards is what a first visit would download again.
 */
export async function eraseEverything(): Promise<void> {
  // Not flushed but dropped: the user asked for nothing to remain, and a full disk must not stop the erasure.
  await useSession.getState().discardUnsaved();
  await eraseDatabase();
  if (typeof caches !== 'undefined') {
    for (const key of await caches.keys()) await caches.delete(key);
  }
  if ('serviceWorker' in navigator) {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  }
  localStorage.clear();
  sessionStorage.clear();
}
