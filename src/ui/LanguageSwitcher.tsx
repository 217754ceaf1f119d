import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../engine/types';
import { useLanguage } from './common/useLanguage';

const NAMES = { en: 'English', fr: 'Français', de: 'Deutsch' } as const;

/** Each language is named in itself, so a user who cannot read the current one still finds theirs. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  return (
    <div className="language-switcher">
      <label htmlFor="language-select">{t('app.language')}</label>
      <select id="language-select" value={language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
