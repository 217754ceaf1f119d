import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AssessmentView } from '../../state/assessment-view';
import { VersionMigration } from './VersionMigration';

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
  if (view.status === 'questionnaireMissing' && view.latest) {
    return (
      <>
        <VersionMigration
          assessment={view.assessment}
          current={undefined}
          target={view.latest}
          answers={view.answers}
        />
        <Link href="/">{t('common.backHome')}</Link>
      </>
    );
  }
  return (
    <div className="notice error" role="alert">
      <p>{message}</p>
      <Link href="/">{t('common.backHome')}</Link>
    </div>
  );
}
