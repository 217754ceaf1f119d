import { useTranslation } from 'react-i18next';
import { usePwa } from '../../state/pwa';
import './pwa.css';

/** Shown when a new version waits: it takes over only when the user agrees, after every answer is saved. */
export function UpdateBanner() {
  const { t } = useTranslation('pwa');
  const waiting = usePwa((s) => s.waiting !== undefined);
  const dismissed = usePwa((s) => s.dismissed);
  const update = usePwa((s) => s.update);
  const applyUpdate = usePwa((s) => s.applyUpdate);
  const dismiss = usePwa((s) => s.dismiss);
  if (!waiting || (dismissed && update === 'idle')) return null;
  const updating = update === 'updating';
  return (
    <section className="update-banner" aria-label={t('update.label')}>
      <p role="status">{t('update.ready')}</p>
      {update === 'unsaved' && (
        <p className="update-problem" role="alert">
          {t('update.unsaved')}
        </p>
      )}
      <div className="update-actions">
        <button type="button" aria-disabled={updating} onClick={() => void applyUpdate()}>
          {updating ? t('update.updating') : t('update.now')}
        </button>
        {!updating && (
          <button type="button" className="button secondary" onClick={dismiss}>
            {t('update.later')}
          </button>
        )}
      </div>
    </section>
  );
}
