import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../engine/format';
import { useSession } from '../state/session';
import { useLanguage } from './common/useLanguage';

/** Says, politely to screen readers, whether the last change is safely stored. */
export function SaveIndicator() {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = useSession((s) => s.saveStatus);
  const lastSaved = useSession((s) => s.lastSaved);
  const problem = useSession((s) => s.saveProblem);
  let text = '';
  if (status === 'pending' || status === 'saving') text = t('save.saving');
  else if (status === 'saved' && lastSaved) text = t('save.saved', { time: formatDateTime(lastSaved, language) });
  else if (status === 'error') text = t(`storage.${problem ?? 'unknown'}`);
  return (
    <p className={`save-indicator ${status}`} role="status" aria-live="polite" data-status={status}>
      {text}
    </p>
  );
}
