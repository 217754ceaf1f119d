import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eraseEverything } from '../../state/erase';
import '../../i18n/privacy-resources';

const POINTS = ['stored', 'where', 'howLong', 'nothingLeaves', 'exports', 'team', 'erase'] as const;

/** The privacy statement, and the one action that deletes everything Conformo keeps on this device. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  const [state, setState] = useState<'idle' | 'erasing' | 'erased' | 'failed'>('idle');

  const erase = async () => {
    setState('erasing');
    try {
      await eraseEverything();
      setState('erased');
      setTimeout(() => window.location.replace(window.location.pathname), 1500);
    } catch {
      setState('failed');
    }
  };

  return (
    <article className="privacy" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('privacy.title')}</h2>
      {POINTS.map((point) => (
        <section key={point} aria-labelledby={`privacy-${point}`}>
          <h3 id={`privacy-${point}`}>{t(`privacy.${point}.title`)}</h3>
          <p>{t(`privacy.${point}.text`)}</p>
        </section>
      ))}
      <section className="danger-zone" aria-labelledby="privacy-delete">
        <h3 id="privacy-delete">{t('privacy.delete.title')}</h3>
        <p>{t('privacy.delete.text')}</p>
        <div className="choice">
          <input
            id="privacy-confirm"
            type="checkbox"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
          />
          <label htmlFor="privacy-confirm">{t('privacy.delete.confirm')}</label>
        </div>
        <button
          type="button"
          className="danger"
          disabled={!confirmed || state === 'erasing'}
          onClick={() => void erase()}
        >
          {t('privacy.delete.button')}
        </button>
        <p role="status">
          {state === 'erased' ? t('privacy.delete.done') : state === 'erasing' ? t('privacy.delete.working') : ''}
        </p>
        {state === 'failed' && (
          <p role="alert" className="field-error">
            {t('privacy.delete.failed')}
          </p>
        )}
      </section>
    </article>
  );
}
