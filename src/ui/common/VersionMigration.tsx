import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffQuestionnaires } from '../../engine/diff';
import { localize } from '../../engine/localize';
import type { Answer, Questionnaire } from '../../engine/types';
import type { AssessmentRecord } from '../../state/assessments';
import { changeQuestionnaireVersion } from '../../state/lifecycle';
import { useLanguage } from './useLanguage';

interface VersionMigrationProps {
  assessment: AssessmentRecord;
  /** The version the assessment uses, when this build still ships it. */
  current: Questionnaire | undefined;
  target: Questionnaire;
  answers: ReadonlyMap<string, Answer>;
}

/** Offers to move an assessment to a newer questionnaire version, saying first what changes. */
export function VersionMigration({ assessment, current, target, answers }: VersionMigrationProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const values = { version: target.version, current: assessment.questionnaireVersion };
  const targetIds = new Set(target.sections.flatMap((s) => s.questions.map((q) => q.id)));
  const orphans = [...answers.keys()].filter((id) => !targetIds.has(id));
  const diff = current ? diffQuestionnaires(current, target) : undefined;
  const list = (key: string, questions: { id: string; text: Questionnaire['title'] }[]) =>
    questions.length > 0 && (
      <li>
        {t(`versions.${key}`, { count: questions.length, version: target.version })}
        <ul>
          {questions.map((q) => (
            <li key={q.id}>{localize(q.text, language)}</li>
          ))}
        </ul>
      </li>
    );
  return (
    <div className="notice version" role="status">
      <p>{t(current ? 'versions.newer' : 'versions.missing', values)}</p>
      {assessment.status !== 'signed' && (
        <>
          <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('versions.review')}
          </button>
          {open && (
            <div>
              {diff ? (
                <ul>
                  {list('added', diff.added)}
                  {list('removed', diff.removed)}
                  {list('changed', diff.changed)}
                </ul>
              ) : (
                <p>
                  {t('versions.unknownDiff')}{' '}
                  {orphans.length > 0 && t('versions.orphans', { count: orphans.length, version: target.version })}
                </p>
              )}
              <button
                type="button"
                onClick={() =>
                  void changeQuestionnaireVersion(assessment.id, target.version).catch(() =>
                    setError(t('storage.unknown')),
                  )
                }
              >
                {t('versions.migrate', values)}
              </button>
            </div>
          )}
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
