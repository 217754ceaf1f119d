import de from '../../locales/de/team.json';
import en from '../../locales/en/team.json';
import fr from '../../locales/fr/team.json';
import { addAppPart } from './app-part';

/** Team mode's words, with the team screens: someone who never shares an assessment never downloads them. */
addAppPart('team', { en, fr, de });
