import i18next from 'i18next';
import de from '../../locales/de/team.json';
import en from '../../locales/en/team.json';
import fr from '../../locales/fr/team.json';

/**
 * The words of team mode (locales/<language>/team.json), added under `team.` to the app's own namespace by the
 * screens that use them, which all load after the first page: someone who never shares an assessment never downloads
 * them, and the first page stays within its budget.
 */
function register(): void {
  for (const [language, messages] of Object.entries({ en, fr, de })) {
    if (!i18next.getResource(language, 'app', 'team')) {
      i18next.addResourceBundle(language, 'app', { team: messages }, true, false);
    }
  }
}

if (i18next.isInitialized) register();
else i18next.on('initialized', register);
