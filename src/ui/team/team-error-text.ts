import type { TFunction } from 'i18next';
import '../../i18n/team-resources';

/**
 * A team server's refusal in the user's language (team.errors.<code>); a code this version has no words for (a newer
 * server's) reads as "Something went wrong" rather than as a key.
 */
export function teamErrorText(t: TFunction, code: string | undefined): string {
  return t(`team.errors.${code ?? 'unknown'}`, t('team.errors.unknown'));
}
