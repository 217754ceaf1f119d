import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDateTime } from '../../engine/format';
import { revealHidden } from '../../engine/hidden-characters';
import { localize } from '../../engine/localize';
import { computeVisibility, overallProgress, ratio } from '../../engine/progress';
import type { Questionnaire } from '../../engine/types';
import { useAnswersByAssessment, useAssessments } from '../../state/assessments';
import { ProgressBar } from '../common/ProgressBar';
import { useLanguage } from '../common/useLanguage';
import { AssessmentActions } from './AssessmentActions';

export function AssessmentList({ questionnaires }: { questionnaires: Questionnaire[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const assessments = useAssessments();
  const answers = useAnswersByAssessment();
  if (!assessments || !answers) return <p role="status">{t('common.loading')}</p>;
  const active = assessments.filter((a) => !a.archived);
  const archived = assessments.filter((a) => a.archived);
  const render = (a: (typeof assessments)[number]) => {
    const questionnaire = questionnaires.find(
      (q) => q.id === a.questionnaireId && q.version === a.questionnaireVersion,
    );
    const mine = answers.get(a.id) ?? new Map();
    const progress = questionnaire
      ? overallProgress(questionnaire, mine, computeVisibility(questionnaire, mine))
      : undefined;
    return (
      <li key={a.id} className="assessment-item">
        <h3>
          <Link href={`/assessments/${a.id}`}>{revealHidden(a.title)}</Link>
        </h3>
        <p className="meta">
          {questionnaire ? localize(questionnaire.title, language) : `${a.questionnaireId} ${a.questionnaireVersion}`}
          {a.organisation && ` · ${a.organisation}`}
          {a.aiSystem && ` · ${a.aiSystem}`}
        </p>
        <p className="meta">
          {t(`status.${a.status}`)}
          {(a.revision ?? 1) > 1 && ` · ${t('lifecycle.revision', { revision: a.revision })}`} ·{' '}
          {t('home.updated', { date: formatDateTime(a.updated, language) })}
        </p>
        {progress && <ProgressBar value={ratio(progress)} label={t('home.progressOf', { title: a.title })} />}
        <AssessmentActions assessment={a} questionnaire={questionnaire} />
      </li>
    );
  };
  return (
    <>
      {active.length === 0 ? <p>{t('home.none')}</p> : <ul className="assessment-list">{active.map(render)}</ul>}
      {archived.length > 0 && (
        <details className="archived">
          <summary>{t('lifecycle.archived', { count: archived.length })}</summary>
          <ul className="assessment-list">{archived.map(render)}</ul>
        </details>
      )}
    </>
  );
}
