import { LANGUAGES, type Language, type LocalizedText } from './types';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Reduces any BCP 47 tag ("fr-LU", "de-CH") to one of our languages, English when none fits. */
export function toLanguage(tag: string | undefined | null): Language {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : 'en';
}

export function localize(text: LocalizedText | undefined, language: Language): string {
  if (!text) return '';
  return text[language] || text.en;
}

export const LOCALE_TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE' };
