import { Workbox } from 'workbox-window';
import { usePwa } from '../state/pwa';
import { useSession } from '../state/session';

const HOUR = 60 * 60_000;

/**
 * Prompt-for-update: a new version installs in the background and waits; the banner (src/ui/pwa/UpdateBanner.tsx)
 * asks the user, the store saves every pending answer, and only then the new version takes over and the page
 * reloads. The first install takes control at once (clientsClaim), so the app works offline after the first visit.
 */
export async function registerWorker(): Promise<void> {
  const base = import.meta.env.BASE_URL;
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  const pwa = usePwa.getState();
  let controlled = Boolean(navigator.serviceWorker.controller);
  let requested = false;
  let registration: ServiceWorkerRegistration | undefined;
  if (controlled) pwa.setOfflineReady();

  const reload = async () => {
    const saved = await useSession.getState().flush();
    if (!saved.ok) usePwa.setState({ update: 'unsaved' });
    else window.location.reload();
  };
  const activate = () => {
    requested = true;
    // Another tab may already have let the new version take over: then a reload is all that is left.
    if (registration?.waiting) wb.messageSkipWaiting();
    else void reload();
  };

  wb.addEventListener('waiting', () => pwa.setWaiting({ activate }));
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
      pwa.setOfflineReady();
    } else if (requested) {
      void reload();
    } else {
      // A new version took over from another tab: this page still runs the old one until the user agrees.
      pwa.setWaiting({ activate });
    }
  });

  registration = await wb.register().catch(() => undefined);
  if (!registration) return;
  // A tab left open for days still learns about new versions.
  setInterval(() => {
    if (navigator.onLine) wb.update().catch(() => undefined);
  }, HOUR);
}
