import i18next from 'i18next';

/**
 * Adds one part of the app's words (a locales/<language>/<part>.json file) under `<part>.` to the app namespace,
 * from the lazily loaded screens that use it, so that the first page does not carry them.
 */
export function addAppPart(part: string, byLanguage: Record<string, object>): void {
  const register = () => {
    // Deep, so that words of the part the first page needs (privacy.link) stay; adding twice changes nothing.
    for (const [language, messages] of Object.entries(byLanguage)) {
      i18next.addResourceBundle(language, 'app', { [part]: messages }, true, true);
    }
  };
  if (i18next.isInitialized) register();
  else i18next.on('initialized', register);
}
