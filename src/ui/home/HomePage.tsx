import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, validQuestionnaires } from '../../state/catalog';
import { BackupPanel } from '../backup/BackupPanel';
import { UndoBanner } from './AssessmentActions';
import { AssessmentList } from './AssessmentList';
import { NewAssessmentForm } from './NewAssessmentForm';
import { QuestionnaireErrors } from './QuestionnaireErrors';

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
      <QuestionnaireErrors entries={entries} />
      <BackupPanel />
    </div>
  );
}
