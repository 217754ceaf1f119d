import de from '../../locales/de/privacy.json';
import en from '../../locales/en/privacy.json';
import fr from '../../locales/fr/privacy.json';
import { addAppPart } from './app-part';

/** The privacy statement's words, with the privacy page. */
addAppPart('privacy', { en, fr, de });
