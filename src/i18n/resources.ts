import deApp from '../../locales/de/app.json';
import deReport from '../../locales/de/report.json';
import deValidation from '../../locales/de/validation.json';
import enApp from '../../locales/en/app.json';
import enReport from '../../locales/en/report.json';
import enValidation from '../../locales/en/validation.json';
import frApp from '../../locales/fr/app.json';
import frReport from '../../locales/fr/report.json';
import frValidation from '../../locales/fr/validation.json';

/** UI strings, bundled: they are small, and the app must work offline from the first paint. */
export const resources = {
  en: { app: enApp, validation: enValidation, report: enReport },
  fr: { app: frApp, validation: frValidation, report: frReport },
  de: { app: deApp, validation: deValidation, report: deReport },
} as const;

export const NAMESPACES = ['app', 'validation', 'report'] as const;
