import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect } from 'wouter';
import type { AnswerPatch } from '../../engine/answers';
import { hiddenRuns } from '../../engine/hidden-questions';
import { localize } from '../../engine/localize';
import { useAssessmentView } from '../../state/assessment-view';
import { useEvidence } from '../../state/evidence';
import { useSession } from '../../state/session';
import { HiddenQuestionsNote } from '../common/HiddenQuestionsNote';
import { useLanguage } from '../common/useLanguage';
import { VersionMigration } from '../common/VersionMigration';
import { ViewStatus } from '../common/ViewStatus';
import type { SaveOptions } from '../questions/types';
import { QuestionCard } from './QuestionCard';
import { SectionNav } from './SectionNav';

export function AssessmentPage({ assessmentId, sectionId }: { assessmentId: string; sectionId?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const view = useAssessmentView(assessmentId);
  const saveAnswer = useSession((s) => s.saveAnswer);
  const flush = useSession((s) => s.flush);
  const heading = useRef<HTMLHeadingElement>(null);
  const evidence = useEvidence(assessmentId);

  const onChange = useCallback(
    (patch: Omit<AnswerPatch, 'at'>, options?: SaveOptions) => void saveAnswer(patch, options),
    [saveAnswer],
  );
  const onCommit = useCallback(() => void flush(), [flush]);

  // A new section is a new page for a screen reader or keyboard user: move focus to its heading.
  useEffect(() => {
    if (sectionId) heading.current?.focus();
  }, [sectionId]);

  if (view.status !== 'ready') return <ViewStatus view={view} />;
  const { assessment, questionnaire, answers, visibility } = view;
  const readOnly = assessment.status === 'signed';
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
      />
      <div className="section-content">
        <p className="breadcrumb">
          {assessment.title} · {localize(questionnaire.title, language)}
        </p>
        {view.newer && (
          <VersionMigration assessment={assessment} current={questionnaire} target={view.newer} answers={answers} />
        )}
        {readOnly && <p className="notice">{t('signoff.readOnlyNotice')}</p>}
        <h2 ref={heading} tabIndex={-1}>
          {sectionNumber}. {localize(section.title, language)}
        </h2>
        {section.description && <p className="section-description">{localize(section.description, language)}</p>}
        {section.questions.map((question, index) => {
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
            />
          );
        })}
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
