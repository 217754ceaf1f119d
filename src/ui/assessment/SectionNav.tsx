import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { localize } from '../../engine/localize';
import { ratio, sectionProgress, type Visibility } from '../../engine/progress';
import type { Answer, Language, Questionnaire } from '../../engine/types';
import { ProgressBar } from '../common/ProgressBar';

interface SectionNavProps {
  assessmentId: string;
  questionnaire: Questionnaire;
  answers: ReadonlyMap<string, Answer>;
  visibility: Visibility;
  currentSectionId: string | undefined;
  language: Language;
}

export function SectionNav({
  assessmentId,
  questionnaire,
  answers,
  visibility,
  currentSectionId,
  language,
}: SectionNavProps) {
  const { t } = useTranslation();
  return (
    <nav className="section-nav" aria-label={t('assessment.sections')} lang={language}>
      <ol>
        {questionnaire.sections
          .filter((s) => visibility.sections.has(s.id))
          .map((section) => {
            const progress = sectionProgress(section, answers, visibility);
            const title = localize(section.title, language);
            return (
              <li key={section.id}>
                <Link
                  href={`/assessments/${assessmentId}/sections/${section.id}`}
                  aria-current={section.id === currentSectionId ? 'page' : undefined}
                >
                  <span className="section-title">{title}</span>{' '}
                  <span className="section-count">
                    {t('assessment.answeredOf', { answered: progress.answered, total: progress.total })}
                  </span>
                </Link>
                <ProgressBar value={ratio(progress)} label={t('assessment.sectionProgress', { section: title })} />
              </li>
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
