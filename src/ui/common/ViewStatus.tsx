import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AssessmentView } from '../../state/assessment-view';

/** What to show while an assessment is loading, or when it cannot be shown. */
export function ViewStatus({ view }: { view: Exclude<AssessmentView, { status: 'ready' }> }) {
  const { t } = useTranslation();
  if (view.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  const message =
    view.status === 'notFound'
      ? t('assessment.notFound')
      : t('assessment.questionnaireMissing', {
          id: view.assessment.questionnaireId,
          version: view.assessment.questionnaireVersion,
        });
  return (
    <div className="notice error" role="alert">
      <p>{message}</p>
      <Link href="/">{t('common.backHome')}</Link>
    </div>
  );
}
