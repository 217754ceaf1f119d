import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatPercent } from '../../engine/format';
import { localize } from '../../engine/localize';
import { sectionConformity, sectionProgress, type Visibility } from '../../engine/progress';
import type { Answer, Language, Questionnaire } from '../../engine/types';
import { ConformityChart } from './ConformityChart';

interface SectionFiguresProps {
  assessmentId: string;
  questionnaire: Questionnaire;
  answers: ReadonlyMap<string, Answer>;
  visibility: Visibility;
  language: Language;
}

/** Progress and conformity of every shown section: a table, and beside it the same conformity as a chart. */
export function SectionFigures({ assessmentId, questionnaire, answers, visibility, language }: SectionFiguresProps) {
  const { t } = useTranslation();
  const rows = questionnaire.sections.flatMap((section, index) =>
    visibility.sections.has(section.id)
      ? [
          {
            section,
            number: index + 1,
            progress: sectionProgress(section, answers, visibility),
            score: sectionConformity(section, answers, visibility).score,
          },
        ]
      : [],
  );
  const score = (value: number | null) => (value === null ? t('summary.noScore') : formatPercent(value, language));
  return (
    <section aria-labelledby="sections-heading">
      <h3 id="sections-heading">{t('summary.bySection')}</h3>
      <div className="section-figures">
        <table className="by-section">
          <thead>
            <tr>
              <th scope="col">{t('summary.section')}</th>
              <th scope="col">{t('summary.progress')}</th>
              <th scope="col">{t('summary.conformity')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ section, number, progress, score: value }) => (
              <tr key={section.id}>
                <th scope="row">
                  <Link href={`/assessments/${assessmentId}/sections/${section.id}`}>
                    {number}. {localize(section.title, language)}
                  </Link>
                </th>
                <td>{t('assessment.answeredOf', { answered: progress.answered, total: progress.total })}</td>
                <td>{score(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ConformityChart
          rows={rows.map(({ section, number, score: value }) => ({ id: section.id, number, score: value }))}
          caption={t('summary.chart')}
          language={language}
        />
      </div>
    </section>
  );
}
