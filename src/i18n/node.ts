import { createInstance } from 'i18next';
import type { Language } from '../engine/types';
import { reportResources } from './report-resources';
import { NAMESPACES, resources } from './resources';
import { validationResources } from './validation-resources';

/** An i18next instance for command-line tools, where there is no browser to detect the language from. */
export async function createNodeI18n(language: Language) {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    fallbackLng: 'en',
    ns: [...NAMESPACES, 'report'],
    defaultNS: 'app',
    resources: {
      en: { ...resources.en, validation: validationResources.en, report: reportResources.en },
      fr: { ...resources.fr, validation: validationResources.fr, report: reportResources.fr },
      de: { ...resources.de, validation: validationResources.de, report: reportResources.de },
    },
    // Output is a terminal or a PDF, never HTML: escaping would print &lt; for <.
    interpolation: { escapeValue: false },
  });
  return i18n;
}
