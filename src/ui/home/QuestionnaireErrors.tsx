import { useTranslation } from 'react-i18next';
import { describeValidationError } from '../../i18n/validation-messages';
import type { CatalogEntry } from '../../state/catalog';
import { useLanguage } from '../common/useLanguage';

const SHOWN = 20;

/** A questionnaire that fails validation is listed with its errors instead of breaking the app. */
export function QuestionnaireErrors({ entries }: { entries: CatalogEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const broken = entries.filter((e) => !e.result.ok);
  if (broken.length === 0) return null;
  return (
    <section className="notice error" aria-labelledby="broken-heading">
      <h2 id="broken-heading">{t('home.brokenQuestionnaires', { count: broken.length })}</h2>
      {broken.map((entry) =>
        entry.result.ok ? null : (
          <div key={entry.source}>
            <h3>{entry.source}</h3>
            <ul>
              {entry.result.errors.slice(0, SHOWN).map((error) => (
                <li key={`${error.pointer} ${error.code} ${JSON.stringify(error.params)}`}>
                  <code>{error.pointer || '/'}</code> {describeValidationError(error, t, language)}
                </li>
              ))}
            </ul>
            {entry.result.errors.length > SHOWN && (
              <p>{t('home.moreErrors', { count: entry.result.errors.length - SHOWN })}</p>
            )}
          </div>
        ),
      )}
    </section>
  );
}
