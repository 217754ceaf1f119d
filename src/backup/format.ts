import type { AnswerRecord, AssessmentRecord, EvidenceRecord, HistoryRecord } from '../engine/records';

/**
 * The backup format (schemas/backup.schema.json). Its records are the stored records of src/engine/records.ts,
 * less what belongs to one database (the assessment an answer is filed under, history's auto-increment id, the
 * evidence Blob): derived, never mirrored, so a field added to a record is in the backup's type at once.
 */
export const BACKUP_FORMAT = 'conformo.backup';
/** Raise with any change to the format, and keep reading every earlier version. */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_APP = 'Conformo';

/**
 * Checked against the file's size before it is read. Evidence files are at most 25 MB each (33 MB in base64): this
 * takes a backup with six of the largest, or hundreds of ordinary ones; a larger set of assessments is exported one
 * assessment at a time (the export says so when a backup is larger than this).
 */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * The assessment travels as it is stored, sign-off included, but never its team link: that holds the invitation
 * token, a credential that stays on the device it was given to. A restored shared assessment is a local one.
 */
export type BackupAssessment = Omit<AssessmentRecord, 'team'>;

/** Listed under its assessment's entry, so without `assessmentId`. */
export type BackupAnswer = Omit<AnswerRecord, 'assessmentId'>;

/** In the order it happened, so without the database's auto-increment `id`. */
export type BackupHistoryEntry = Omit<HistoryRecord, 'id' | 'assessmentId'>;

export type BackupEvidenceMeta = Omit<EvidenceRecord, 'assessmentId' | 'blob'>;

export interface BackupEvidence extends BackupEvidenceMeta {
  /** The file's bytes in base64. */
  data: string;
}

export interface BackupEntry<E = BackupEvidence> {
  assessment: BackupAssessment;
  answers: BackupAnswer[];
  history: BackupHistoryEntry[];
  evidence: E[];
}

/** What an export writes: every field present (Excalidraw's ExportedDataState). */
export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  exportedAt: string;
  app: string;
  assessments: BackupEntry[];
}

/**
 * What an import yields once restored. `scope` says what the file carries: a backup carries everything; the
 * assessment attached to a report carries the assessment and its answers, not the history or the evidence files.
 */
export interface RestoredImport {
  kind: 'backup' | 'assessmentFile';
  scope: 'full' | 'answers';
  exportedAt: string;
  entries: BackupEntry[];
}
