import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect } from 'wouter';
import type { AnswerPatch } from '../../engine/answers';
import { revealHidden } from '../../engine/hidden-characters';
import { hiddenRuns } from '../../engine/hidden-questions';
import { localize } from '../../engine/localize';
import { useAssessmentView } from '../../state/assessment-view';
import { useEvidence } from '../../state/evidence';
import { useLastOpened } from '../../state/last-opened';
import { useSession } from '../../state/session';
import { setTeamSection, useTeam } from '../../state/team';
import { HiddenQuestionsNote } from '../common/HiddenQuestionsNote';
import { useLanguage } from '../common/useLanguage';
import { VersionMigration } from '../common/VersionMigration';
import { ViewStatus } from '../common/ViewStatus';
import type { SaveOptions } from '../questions/types';
import { useReviewCommentsByQuestion } from '../team/review-comments-by-question';
import { TeamBar } from '../team/TeamBar';
import { QuestionCard } from './QuestionCard';
import { SectionNav } from './SectionNav';
import '../../i18n/signoff-resources';

/** Cards rendered with the section itself; the rest follow in a transition, after the first screen is painted. */
const FIRST_SCREEN_CARDS = 6;

/**
 * How many of a section's cards to render: the first screen at once, then all of them once the browser has painted
 * it, so that a switch to a section of 50 questions shows its first questions without waiting for the last ones.
 */
function useProgressiveCount(sectionId: string | undefined, total: number): number {
  const [rendered, setRendered] = useState({ sectionId, all: false });
  if (rendered.sectionId !== sectionId) setRendered({ sectionId, all: false });
  const all = rendered.sectionId === sectionId && rendered.all;
  useEffect(() => {
    if (all) return;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => startTransition(() => setRendered({ sectionId, all: true }))),
    );
    return () => cancelAnimationFrame(frame);
  }, [all, sectionId]);
  return all ? total : Math.min(total, FIRST_SCREEN_CARDS);
}

export function AssessmentPage({ assessmentId, sectionId }: { assessmentId: string; sectionId?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const view = useAssessmentView(assessmentId);
  const saveAnswer = useSession((s) => s.saveAnswer);
  const flush = useSession((s) => s.flush);
  const heading = useRef<HTMLHeadingElement>(null);
  const evidence = useEvidence(assessmentId);
  const team = useTeam(view.status === 'ready' ? view.assessment : undefined);
  const lastOpened = useLastOpened(team ? assessmentId : undefined);
  const reviewCommentsOf = useReviewCommentsByQuestion(team !== undefined, team?.state?.reviewComments);
  const questionCount =
    view.status === 'ready' ? (view.questionnaire.sections.find((s) => s.id === sectionId)?.questions.length ?? 0) : 0;
  const rendered = useProgressiveCount(sectionId, questionCount);

  const onChange = useCallback(
    (patch: Omit<AnswerPatch, 'at'>, options?: SaveOptions) => void saveAnswer(patch, options),
    [saveAnswer],
  );
  const onCommit = useCallback(() => void flush(), [flush]);

  // Others see which section this person is in. Said again at each change of the connection's status: a section
  // set before the connection is open would reach no one.
  const teamStatus = team?.state?.status;
  useEffect(() => {
    if (teamStatus !== undefined) setTeamSection(assessmentId, sectionId);
  }, [teamStatus, assessmentId, sectionId]);

  // A new section is a new page for a screen reader or keyboard user: move focus to its heading.
  useEffect(() => {
    if (sectionId) heading.current?.focus();
  }, [sectionId]);

  if (view.status !== 'ready') return <ViewStatus view={view} />;
  const { assessment, questionnaire, answers, visibility } = view;
  // A reviewer or validator reads a shared assessment's answers without changing them (the server enforces it).
  const readOnly = assessment.status === 'signed' || (team !== undefined && !team.mayAnswer);
  const visibleSections = questionnaire.sections.filter((s) => visibility.sections.has(s.id));
  const index = visibleSections.findIndex((s) => s.id === sectionId);
  const section = visibleSections[index];
  if (!section) {
    const first = visibleSections[0];
    return (
      <Redirect
        to={first ? `/assessments/${assessmentId}/sections/${first.id}` : `/assessments/${assessmentId}/summary`}
        replace
      />
    );
  }
  const previous = visibleSections[index - 1];
  const next = visibleSections[index + 1];
  const sectionNumber = questionnaire.sections.indexOf(section) + 1;
  const hidden = hiddenRuns(section, visibility);

  return (
    <div className="assessment-layout">
      <SectionNav
        assessmentId={assessmentId}
        questionnaire={questionnaire}
        answers={answers}
        visibility={visibility}
        currentSectionId={section.id}
        language={language}
        changedSince={lastOpened}
        personId={team?.link.person.id}
      />
      <div className="section-content">
        <p className="breadcrumb">
          {revealHidden(assessment.title)} · {localize(questionnaire.title, language)}
        </p>
        {view.newer && (
          <VersionMigration assessment={assessment} current={questionnaire} target={view.newer} answers={answers} />
        )}
        <TeamBar assessment={assessment} team={team} questionnaire={questionnaire} language={language} />
        {assessment.status === 'signed' && <p className="notice">{t('signoff.readOnlyNotice')}</p>}
        <h2 ref={heading} tabIndex={-1}>
          {sectionNumber}. {localize(section.title, language)}
        </h2>
        {section.description && <p className="section-description">{localize(section.description, language)}</p>}
        {/* Keyed by section: leaving a section removes its cards as one subtree, not card by card. */}
        <div key={section.id} className="section-questions">
          {section.questions.slice(0, rendered).map((question, index) => {
            if (!visibility.questions.has(question.id)) {
              const run = hidden.get(question.id);
              return run ? (
                <HiddenQuestionsNote key={question.id} run={run} questionnaire={questionnaire} language={language} />
              ) : null;
            }
            return (
              <QuestionCard
                key={question.id}
                assessmentId={assessmentId}
                readOnly={readOnly}
                files={evidence?.get(question.id)}
                number={`${sectionNumber}.${index + 1}`}
                question={question}
                answer={answers.get(question.id)}
                language={language}
                onChange={onChange}
                onCommit={onCommit}
                reviewComments={reviewCommentsOf(question.id)}
                mayComment={assessment.status !== 'signed'}
              />
            );
          })}
        </div>
        <nav className="pager" aria-label={t('assessment.pager')}>
          {previous && (
            <Link href={`/assessments/${assessmentId}/sections/${previous.id}`} className="button secondary">
              ← {t('assessment.previous')}: {localize(previous.title, language)}
            </Link>
          )}
          {next ? (
            <Link href={`/assessments/${assessmentId}/sections/${next.id}`} className="button">
              {t('assessment.next')}: {localize(next.title, language)} →
            </Link>
          ) : (
            <Link href={`/assessments/${assessmentId}/summary`} className="button">
              {t('assessment.toSummary')} →
            </Link>
          )}
        </nav>
      </div>
    </div>
  );
}
