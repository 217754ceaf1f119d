import localizeDe from 'ajv-i18n/localize/de';
import localizeEn from 'ajv-i18n/localize/en';
import localizeFr from 'ajv-i18n/localize/fr';
import type { TFunction } from 'i18next';
import type { Language } from '../engine/types';
import type { ValidationError } from '../engine/validation-error';

const LOCALIZE_SCHEMA_ERRORS: Record<Language, typeof localizeEn> = { en: localizeEn, fr: localizeFr, de: localizeDe };

/** What went wrong, in the reader's language (the "where" is printed by the caller: pointer or line:column). */
export function describeValidationError(error: ValidationError, t: TFunction, language: Language): string {
  if (error.code === 'schema' && error.schemaError) {
    const copy = { ...error.schemaError };
    // ajv-i18n rewrites `message` in place; work on a copy so the stored error stays language-neutral.
    LOCALIZE_SCHEMA_ERRORS[language]([copy] as Parameters<typeof localizeEn>[0]);
    return t('validation:schema', { message: copy.message ?? copy.keyword, interpolation: { escapeValue: false } });
  }
  return t(`validation:${error.code}`, { ...error.params, interpolation: { escapeValue: false } });
}
