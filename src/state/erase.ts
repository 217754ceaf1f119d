import { eraseDatabase } from '../storage/erase';

/**
 * "Delete all my data": the database, every cache the service worker filled, the stored language choice, and the
 * worker itself. What remains afterwards is what a first visit would download again.
 */
export async function eraseEverything(): Promise<void> {
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
