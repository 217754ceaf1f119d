import type { AnswerValue, SignOff } from './types';

/**
 * The backup format (schemas/backup.schema.json), as plain types: the engine knows no Dexie, so these mirror the
 * storage records field for field and the storage layer maps between them (a type error there means they drifted).
 */
export const BACKUP_FORMAT = 'conformo.backup';
/** Raise with any change to the format, and keep reading every earlier version. */
export const BACKUP_FORMAT_VERSION = 1;
/** The JSON attached to every PDF report (src/report/types.ts). */
export const ASSESSMENT_FILE_FORMAT = 'conformo.assessment';
export const ASSESSMENT_FILE_FORMAT_VERSION = 1;
export const BACKUP_APP = 'Conformo';

/** Checked against the file's size before it is read. */
export const MAX_IMPORT_BYTES = 300 * 1024 * 1024;
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

export const ASSESSMENT_STATUSES = ['draft', 'inProgress', 'completed', 'signed'] as const;
export type BackupAssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** The sign-off travels in backups exactly as it is stored. */
export type BackupSignOff = SignOff;

export interface BackupAssessment {
  id: string;
  questionnaireId: string;
  questionnaireVersion: string;
  title: string;
  organisation: string;
  aiSystem: string;
  assessor: string;
  status: BackupAssessmentStatus;
  created: string;
  updated: string;
  revision?: number;
  previousId?: string;
  archived?: boolean;
  signOff?: BackupSignOff;
}

export interface BackupAnswerFields {
  value?: AnswerValue;
  justification?: string;
  comment?: string;
}

export interface BackupAnswer extends BackupAnswerFields {
  questionId: string;
  updated: string;
  carriedOver?: boolean;
}

export interface BackupHistoryEntry {
  questionId: string;
  at: string;
  before: BackupAnswerFields;
  after: BackupAnswerFields;
}

export interface BackupEvidenceMeta {
  id: string;
  questionId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  added: string;
}

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
