import { useTranslation } from 'react-i18next';
import { formatBytes, usePwa } from '../../state/pwa';
import { useLanguage } from '../common/useLanguage';
import './pwa.css';

/** Whether the browser promised to keep the data, how much is used, and whether the app works offline. */
export function StoragePanel() {
  const { t } = useTranslation('pwa');
  const language = useLanguage();
  const persistence = usePwa((s) => s.persistence);
  const use = usePwa((s) => s.use);
  const offlineReady = usePwa((s) => s.offlineReady);
  if (persistence === 'checking') return null;
  const summary = [t(`storage.${persistence}`)];
  if (use) {
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
