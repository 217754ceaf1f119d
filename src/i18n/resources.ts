import deApp from '../../locales/de/app.json';
import deBackup from '../../locales/de/backup.json';
import dePwa from '../../locales/de/pwa.json';
import deValidation from '../../locales/de/validation.json';
import enApp from '../../locales/en/app.json';
import enBackup from '../../locales/en/backup.json';
import enPwa from '../../locales/en/pwa.json';
import enValidation from '../../locales/en/validation.json';
import frApp from '../../locales/fr/app.json';
import frBackup from '../../locales/fr/backup.json';
import frPwa from '../../locales/fr/pwa.json';
import frValidation from '../../locales/fr/validation.json';

/** UI strings, bundled: they are small, and the app must work offline from the first paint. The report's own
 * strings load with the report code (report-resources.ts). */
export const resources = {
  en: { app: enApp, validation: enValidation, pwa: enPwa, backup: enBackup },
  fr: { app: frApp, validation: frValidation, pwa: frPwa, backup: frBackup },
  de: { app: deApp, validation: deValidation, pwa: dePwa, backup: deBackup },
} as const;

export const NAMESPACES = ['app', 'validation', 'pwa', 'backup'] as const;
