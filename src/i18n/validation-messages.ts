import localizeDe from 'ajv-i18n/localize/de';
import localizeEn from 'ajv-i18n/localize/en';
import localizeFr from 'ajv-i18n/localize/fr';
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../engine/types';
import type { ValidationError } from '../engine/validation-error';
import { validationResources } from './validation-resources';

const LOCALIZE_SCHEMA_ERRORS: Record<Language, typeof localizeEn> = { en: localizeEn, fr: localizeFr, de: localizeDe };

/** The app's i18next gets these messages when the first one is shown (the CLI's instance has them from the start). */
function registerMessages(): void {
  if (!i18next.isInitialized) return;
  for (const [language, messages] of Object.entries(validationResources)) {
    if (!i18next.hasResourceBundle(language, 'validation')) {
      i18next.addResourceBundle(language, 'validation', messages);
    }
  }
}

/** What went wrong, in the reader's language (the "where" is printed by the caller: pointer or line:column). */
export function describeValidationError(error: ValidationError, t: TFunction, language: Language): string {
  registerMessages();
  if (error.code === 'schema' && error.schemaError) {
    const copy = { ...error.schemaError };
    // ajv-i18n rewrites `message` in place; work on a copy so the stored error stays language-neutral.
    LOCALIZE_SCHEMA_ERRORS[language]([copy] as Parameters<typeof localizeEn>[0]);
    return t('validation:schema', { message: copy.message ?? copy.keyword, interpolation: { escapeValue: false } });
  }
  return t(`validation:${error.code}`, { ...error.params, interpolation: { escapeValue: false } });
}
