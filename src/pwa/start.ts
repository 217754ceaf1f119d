import { usePwa } from '../state/pwa';

const MINUTE = 60_000;

/**
 * Called once from main.tsx: asks for persistent storage, then (in a production build, where there is a service
 * worker) registers it. The registration code and workbox-window load after the first paint, in their own chunk.
 */
export function startPwa(): void {
  void usePwa.getState().checkStorage();
  setInterval(() => void usePwa.getState().refreshUse(), MINUTE);
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  void import('./worker').then((worker) => worker.registerWorker());
}
