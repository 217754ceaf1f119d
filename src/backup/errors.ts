import type { ValidationCode, ValidationError } from '../engine/validation-error';

/** Codes of import problems that the questionnaire validator does not have (messages: locales/*\/backup.json errors.*). */
export const BACKUP_CODES = [
  'emptyFile',
  'tooLarge',
  'corrupted',
  'notConformo',
  'newerVersion',
  'forbiddenKey',
  'duplicateAssessment',
  'duplicateAnswer',
  'duplicateEvidence',
  'evidenceTooLarge',
  'evidenceBase64',
  'evidenceSize',
  'evidenceHash',
  'pdfUnreadable',
  'pdfNoAttachment',
  'attachmentTooLarge',
  'tooComplex',
  'timedOut',
  'readerFailed',
] as const;
export type BackupCode = (typeof BACKUP_CODES)[number];

/**
 * The questionnaire's ValidationError with more codes: where (a JSON pointer into the imported document), what
 * (a code) and the values its message needs. Schema problems keep the engine's codes (`schema`, `unknownProperty`,
 * `tooDeep`), so their messages are shared.
 */
export interface BackupError extends Omit<ValidationError, 'code'> {
  code: BackupCode | ValidationCode;
}

export function backupError(
  pointer: string,
  code: BackupCode,
  params: Record<string, string | number> = {},
): BackupError {
  return { pointer, code, params };
}

export function isBackupCode(code: string): code is BackupCode {
  return (BACKUP_CODES as readonly string[]).includes(code);
}

/** For the interface: an engine code is described by the validation messages, a backup code by backup.json. */
export function asValidationError(error: BackupError): ValidationError | undefined {
  return isBackupCode(error.code) ? undefined : (error as ValidationError);
}

export type BackupResult<T> = { ok: true; value: T } | { ok: false; errors: BackupError[] };
