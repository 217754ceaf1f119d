import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { formatBytes } from '../../engine/format';
import { usePwa } from '../../state/pwa';
import { useSession } from '../../state/session';
import { useLanguage } from '../common/useLanguage';
import './pwa.css';

/**
 * Reads the storage estimate again whenever what it measures may have changed: on each screen, after each saved
 * change, and once the app is cached for offline use. Read only at start, it said "0 bytes" for the whole session.
 */
function useFreshStorageUse(): void {
  const [location] = useLocation();
  const lastSaved = useSession((s) => s.lastSaved);
  const offlineReady = usePwa((s) => s.offlineReady);
  // biome-ignore lint/correctness/useExhaustiveDependencies: these values are the triggers, not inputs.
  useEffect(() => {
    void usePwa.getState().refreshUse();
  }, [location, lastSaved, offlineReady]);
}

/** Whether the browser promised to keep the data, how much is used, and whether the app works offline. */
export function StoragePanel() {
  const { t } = useTranslation('pwa');
  const language = useLanguage();
  const persistence = usePwa((s) => s.persistence);
  const use = usePwa((s) => s.use);
  const offlineReady = usePwa((s) => s.offlineReady);
  useFreshStorageUse();
  if (persistence === 'checking') return null;
  const summary = [t(`storage.${persistence}`)];
  // A browser says 0 before anything is stored, even the app's offline copy: not worth a line, and soon untrue.
  if (use && use.usage > 0) {
    summary.push(
      t('storage.use', { usage: formatBytes(use.usage, language), quota: formatBytes(use.quota, language) }),
    );
  }
  return (
    <div className="storage-panel" data-persistence={persistence}>
      <p>{summary.join(' · ')}</p>
      {persistence !== 'persistent' && <p>{t('storage.mayBeCleared')}</p>}
      {offlineReady && <p>{t('offline.ready')}</p>}
    </div>
  );
}
