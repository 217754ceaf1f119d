import de from '../../locales/de/validation.json';
import en from '../../locales/en/validation.json';
import fr from '../../locales/fr/validation.json';

/** Messages about broken questionnaires and files: loaded with the screens that show them, not on the first page. */
export const validationResources = { en, fr, de } as const;
