import deApp from '../../locales/de/app.json';
import deValidation from '../../locales/de/validation.json';
import enApp from '../../locales/en/app.json';
import enValidation from '../../locales/en/validation.json';
import frApp from '../../locales/fr/app.json';
import frValidation from '../../locales/fr/validation.json';

/** UI strings, bundled: they are small, and the app must work offline from the first paint. */
export const resources = {
  en: { app: enApp, validation: enValidation },
  fr: { app: frApp, validation: frValidation },
  de: { app: deApp, validation: deValidation },
} as const;

export const NAMESPACES = ['app', 'validation'] as const;
