import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, validQuestionnaires } from '../../state/catalog';
import { BackupPanel } from '../backup/BackupPanel';
import { UndoBanner } from './AssessmentActions';
import { AssessmentList } from './AssessmentList';
import { NewAssessmentForm } from './NewAssessmentForm';

// Loaded only when a questionnaire is broken: its messages (ajv-i18n in three languages) stay off the first page.
const QuestionnaireErrors = lazy(() =>
  import('./QuestionnaireErrors').then((m) => ({ default: m.QuestionnaireErrors })),
);

export function HomePage() {
  const { t } = useTranslation();
  const { status, entries, load } = useCatalog();
  useEffect(() => {
    void load();
  }, [load]);
  if (status !== 'ready') return <p role="status">{t('common.loading')}</p>;
  const questionnaires = validQuestionnaires(entries);
  return (
    <div className="home">
      <section aria-labelledby="assessments-heading" className="home-assessments">
        <h2 id="assessments-heading">{t('home.assessments')}</h2>
        <UndoBanner />
        <AssessmentList questionnaires={questionnaires} />
      </section>
      <NewAssessmentForm questionnaires={questionnaires} />
      {entries.some((e) => !e.result.ok) && (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <QuestionnaireErrors entries={entries} />
        </Suspense>
      )}
      <BackupPanel />
    </div>
  );
}
