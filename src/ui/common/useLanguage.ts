import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../engine/localize';
import type { Language } from '../../engine/types';

/** The language the user reads: it picks interface strings and questionnaire content alike. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}
