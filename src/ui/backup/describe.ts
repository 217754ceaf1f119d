import type { TFunction } from 'i18next';
import { asValidationError, type BackupError } from '../../backup/errors';
import { LOCALE_TAGS } from '../../engine/localize';
import type { Language } from '../../engine/types';
import { describeValidationError } from '../../i18n/validation-messages';

const NO_ESCAPE = { interpolation: { escapeValue: false } };

function megabytes(bytes: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE_TAGS[language], { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

/** What is wrong, in the user's language: backup problems from backup.json, schema problems as for questionnaires. */
export function describeBackupError(error: BackupError, t: TFunction, language: Language): string {
  const shared = asValidationError(error);
  if (shared) return describeValidationError(shared, t, language);
  const params: Record<string, string | number> = { ...error.params };
  for (const key of ['size', 'max', 'actual'] as const) {
    const value = error.params[key];
    if (typeof value === 'number' && (error.code === 'tooLarge' || error.code === 'evidenceTooLarge')) {
      params[key] = megabytes(value, language);
    }
  }
  return t(`backup:errors.${error.code}`, { ...params, ...NO_ESCAPE });
}

/** Where, for people: "assessment 2, answer 5" rather than /assessments/1/answers/4 (the pointer is shown too). */
export function describeLocation(pointer: string, t: TFunction): string | undefined {
  const parts = pointer.split('/').slice(1);
  const labels: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const kind = parts[i];
    const index = Number(parts[i + 1]);
    if (!Number.isInteger(index)) continue;
    if (kind === 'assessments') labels.push(t('backup:where.assessment', { n: index + 1 }));
    else if (kind === 'answers') labels.push(t('backup:where.answer', { n: index + 1 }));
    else if (kind === 'history') labels.push(t('backup:where.history', { n: index + 1 }));
    else if (kind === 'evidence') labels.push(t('backup:where.evidence', { n: index + 1 }));
    else continue;
    i += 1;
  }
  return labels.length > 0 ? labels.join(', ') : undefined;
}
