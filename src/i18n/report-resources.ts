import de from '../../locales/de/report.json';
import en from '../../locales/en/report.json';
import fr from '../../locales/fr/report.json';

/** Strings of the PDF report, loaded only when a user exports. */
export const reportResources = { en, fr, de } as const;
