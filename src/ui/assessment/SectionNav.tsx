import { type KeyboardEvent, memo, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { localize } from '../../engine/localize';
import { overallProgress, ratio, sectionProgress, type Visibility } from '../../engine/progress';
import type { TeamAnswer } from '../../engine/team-document';
import type { Answer, Language, Questionnaire, Section } from '../../engine/types';
import { ProgressBar } from '../common/ProgressBar';
import '../../i18n/team-resources';

interface SectionNavProps {
  assessmentId: string;
  questionnaire: Questionnaire;
  answers: ReadonlyMap<string, Answer>;
  visibility: Visibility;
  currentSectionId: string | undefined;
  language: Language;
  /** In a shared assessment: sections where someone else changed an answer after this moment are marked. */
  changedSince?: string;
  /** Who is looking: their own changes are not news to them. */
  personId?: string;
}

/** Whether someone other than `personId` changed one of the section's shown answers after `since`. */
export function changedByOthers(
  section: Section,
  answers: ReadonlyMap<string, Answer>,
  visibility: Visibility,
  since: number,
  personId: string | undefined,
): boolean {
  return section.questions.some((question) => {
    if (!visibility.questions.has(question.id)) return false;
    // Stored answers of a shared assessment carry their author; answers this tab has not saved yet carry none.
    const answer = answers.get(question.id) as TeamAnswer | undefined;
    return answer?.updatedBy !== undefined && answer.updatedBy.id !== personId && Date.parse(answer.updated) > since;
  });
}

/**
 * The sections with their progress. On a narrow screen the list folds behind a button that names the current section
 * and its progress (styles.css shows the button only there), so the first question is on the first screen.
 */
function SectionNavView({
  assessmentId,
  questionnaire,
  answers,
  visibility,
  currentSectionId,
  language,
  changedSince,
  personId,
}: SectionNavProps) {
  const { t } = useTranslation();
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // Choosing a section folds the list again: the new section is what the reader came for.
  const [openedAt, setOpenedAt] = useState(currentSectionId);
  if (openedAt !== currentSectionId) {
    setOpenedAt(currentSectionId);
    setOpen(false);
  }

  const sections = questionnaire.sections.filter((s) => visibility.sections.has(s.id));
  const since = changedSince === undefined ? undefined : Date.parse(changedSince);
  const current = sections.find((s) => s.id === currentSectionId);
  const currentProgress = current
    ? sectionProgress(current, answers, visibility)
    : overallProgress(questionnaire, answers, visibility);
  const currentTitle = current
    ? `${questionnaire.sections.indexOf(current) + 1}. ${localize(current.title, language)}`
    : t('summary.title');

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <nav className="section-nav" aria-label={t('assessment.sections')} lang={language} onKeyDown={closeOnEscape}>
      <button
        ref={toggle}
        type="button"
        className="section-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <span className="section-toggle-label">{t('assessment.sections')}</span>{' '}
        <span className="section-toggle-current">
          <span className="section-title">{currentTitle}</span>{' '}
          <span className="section-count">
            {t('assessment.answeredOf', { answered: currentProgress.answered, total: currentProgress.total })}
          </span>
        </span>
      </button>
      <ol id={listId} className="section-list" data-open={open}>
        {sections.map((section) => {
          const progress = sectionProgress(section, answers, visibility);
          return (
            <SectionItem
              key={section.id}
              href={`/assessments/${assessmentId}/sections/${section.id}`}
              title={localize(section.title, language)}
              answered={progress.answered}
              total={progress.total}
              current={section.id === currentSectionId}
              changed={since !== undefined && changedByOthers(section, answers, visibility, since, personId)}
            />
          );
        })}
        <li>
          <Link href={`/assessments/${assessmentId}/summary`} aria-current={currentSectionId ? undefined : 'page'}>
            <span className="section-title">{t('summary.title')}</span>
          </Link>
        </li>
      </ol>
    </nav>
  );
}

/**
 * One section of the list, re-rendered only when its own figures change: an answer re-renders one row, not the
 * hundred rows of a 5,000-question assessment.
 */
const SectionItem = memo(function SectionItem({
  href,
  title,
  answered,
  total,
  current,
  changed,
}: {
  href: string;
  title: string;
  answered: number;
  total: number;
  current: boolean;
  changed: boolean;
}) {
  const { t } = useTranslation();
  return (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined}>
        <span className="section-title">{title}</span>{' '}
        <span className="section-count">{t('assessment.answeredOf', { answered, total })}</span>
        {changed && (
          <>
            {' '}
            <span className="section-changed" aria-hidden="true" title={t('team.changes.changed')}>
              ●
            </span>
            <span className="visually-hidden">{t('team.changes.changed')}</span>
          </>
        )}
      </Link>
      <ProgressBar value={ratio({ answered, total })} label={t('assessment.sectionProgress', { section: title })} />
    </li>
  );
});

/**
 * Re-rendered only when its inputs change: a save changes the assessment record (its `updated` time) and re-renders
 * the page, and at 5,000 questions the hundred sections' figures are not worth computing again for that.
 */
export const SectionNav = memo(SectionNavView);
