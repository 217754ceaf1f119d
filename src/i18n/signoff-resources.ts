import de from '../../locales/de/signoff.json';
import en from '../../locales/en/signoff.json';
import fr from '../../locales/fr/signoff.json';
import { addAppPart } from './app-part';

/** The sign-off's words, with the screens that show a sign-off (summary, a signed assessment's sections). */
addAppPart('signoff', { en, fr, de });
