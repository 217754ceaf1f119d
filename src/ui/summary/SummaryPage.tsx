import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDate, formatPercent } from '../../engine/format';
import { revealHidden } from '../../engine/hidden-characters';
import { localize } from '../../engine/localize';
import { evaluateOutcomes } from '../../engine/outcomes';
import { listGaps, overallConformity, overallProgress, ratio } from '../../engine/progress';
import { useAssessmentView } from '../../state/assessment-view';
import { useCatalog, validQuestionnaires } from '../../state/catalog';
import { useTeam } from '../../state/team';
import { SectionNav } from '../assessment/SectionNav';
import { ProgressBar } from '../common/ProgressBar';
import { useLanguage } from '../common/useLanguage';
import { ViewStatus } from '../common/ViewStatus';
import { TeamBar } from '../team/TeamBar';
import { ExportReport } from './ExportReport';
import { OutcomeList } from './OutcomeList';
import { SectionFigures } from './SectionFigures';
import { SignOffPanel } from './SignOffPanel';

export function SummaryPage({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const view = useAssessmentView(assessmentId);
  const entries = useCatalog((s) => s.entries);
  const team = useTeam(view.status === 'ready' ? view.assessment : undefined);
  if (view.status !== 'ready') return <ViewStatus view={view} />;
  const { assessment, questionnaire, answers, visibility } = view;
  const progress = overallProgress(questionnaire, answers, visibility);
  const conformity = overallConformity(questionnaire, answers, visibility);
  const gaps = listGaps(questionnaire, answers, visibility);
  const outcomes = evaluateOutcomes(questionnaire, answers, visibility);
  const titleOf = (id: string) =>
    localize(validQuestionnaires(entries).find((q) => q.id === id)?.title, language) || id;
  const score = (value: number | null) => (value === null ? t('summary.noScore') : formatPercent(value, language));

  return (
    <div className="assessment-layout">
      <SectionNav
        assessmentId={assessmentId}
        questionnaire={questionnaire}
        answers={answers}
        visibility={visibility}
        currentSectionId={undefined}
        language={language}
      />
      <div className="section-content summary">
        <p className="breadcrumb">
          {revealHidden(assessment.title)} · {localize(questionnaire.title, language)} {questionnaire.version}
        </p>
        <TeamBar assessment={assessment} team={team} questionnaire={questionnaire} language={language} />
        <h2>{t('summary.title')}</h2>
        {questionnaire.reviewed && (
          <p className="hint">{t('summary.reviewed', { date: formatDate(questionnaire.reviewed, language) })}</p>
        )}
        <ExportReport questionnaire={questionnaire} assessment={assessment} />
        <dl className="key-figures">
          <div>
            <dt>{t('summary.progress')}</dt>
            <dd>
              <ProgressBar value={ratio(progress)} label={t('summary.progress')} />{' '}
              {t('assessment.answeredOf', { answered: progress.answered, total: progress.total })}
            </dd>
          </div>
          <div>
            <dt>{t('summary.conformity')}</dt>
            <dd>{score(conformity.score)}</dd>
          </div>
          <div>
            <dt>{t('summary.requiredMissing')}</dt>
            <dd>{progress.requiredMissing}</dd>
          </div>
        </dl>

        {outcomes.length > 0 && (
          <section aria-labelledby="outcomes-heading">
            <h3 id="outcomes-heading">{t('summary.outcomes')}</h3>
            <OutcomeList results={outcomes} answers={answers} language={language} titleOf={titleOf} />
          </section>
        )}

        <SectionFigures
          assessmentId={assessmentId}
          questionnaire={questionnaire}
          answers={answers}
          visibility={visibility}
          language={language}
        />

        <section aria-labelledby="gaps-heading">
          <h3 id="gaps-heading">{t('summary.gaps', { count: gaps.length })}</h3>
          {gaps.length === 0 ? (
            <p>{t('summary.noGaps')}</p>
          ) : (
            <ol className="gaps">
              {gaps.map((gap) => (
                <li key={gap.question.id}>
                  <span className={`badge ${gap.value}`}>{t(`conformity.${gap.value}`)}</span>{' '}
                  <Link href={`/assessments/${assessmentId}/sections/${gap.section.id}`}>
                    {localize(gap.question.text, language)}
                  </Link>
                  {gap.answer.comment && <p className="gap-comment">{gap.answer.comment}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
        <SignOffPanel assessment={assessment} team={team} />
      </div>
    </div>
  );
}
