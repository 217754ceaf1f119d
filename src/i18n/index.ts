import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { revealHidden } from '../engine/hidden-characters';
import { LANGUAGES } from '../engine/types';
import { NAMESPACES, resources } from './resources';

export const LANGUAGE_STORAGE_KEY = 'conformo.language';

/** The first visit follows the browser's language; a choice made in the switcher persists in localStorage. */
export function initI18n() {
  if (i18next.isInitialized) return i18next;
  i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      ns: [...NAMESPACES],
      defaultNS: 'app',
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'en',
      // React escapes HTML itself; what an interpolated value (a title, a file name) must not do is hide or reorder
      // characters, so the one escape is to show them.
      interpolation: { escapeValue: true, escape: (value: unknown) => revealHidden(String(value)) },
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
      },
      initAsync: false,
    });
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  document.documentElement.lang = i18next.resolvedLanguage ?? 'en';
  return i18next;
}
