import deApp from '../../locales/de/app.json';
import deBackup from '../../locales/de/backup.json';
import dePwa from '../../locales/de/pwa.json';
import enApp from '../../locales/en/app.json';
import enBackup from '../../locales/en/backup.json';
import enPwa from '../../locales/en/pwa.json';
import frApp from '../../locales/fr/app.json';
import frBackup from '../../locales/fr/backup.json';
import frPwa from '../../locales/fr/pwa.json';

/**
 * UI strings, bundled: they are small, and the app must work offline from the first paint. The report's own strings
 * load with the report code (report-resources.ts), validation messages with the screens that show them
 * (validation-resources.ts, registered by validation-messages.ts).
 */
export const resources = {
  en: { app: enApp, pwa: enPwa, backup: enBackup },
  fr: { app: frApp, pwa: frPwa, backup: frBackup },
  de: { app: deApp, pwa: dePwa, backup: deBackup },
} as const;

export const NAMESPACES = ['app', 'validation', 'pwa', 'backup'] as const;
