import type {
  AnswerFields,
  AnswerRecord,
  AssessmentRecord,
  AssessmentStatus,
  EvidenceRecord,
  HistoryRecord,
} from '../engine/records';
import type { TeamPerson } from '../engine/team-document';
import type { AnswerValue, SignOff, SignOffSignature } from '../engine/types';
import type { BackupAnswer, BackupAssessment, BackupEvidence, BackupEvidenceMeta, BackupHistoryEntry } from './format';

/**
 * One reader for every field of a record, none left out (`-?`); a required field's reader always gives a value. A
 * field added to a record in src/engine/records.ts is a type error here until backups know how to carry it.
 */
type Readers<T> = {
  [K in keyof T]-?: undefined extends T[K] ? (value: unknown) => T[K] | undefined : (value: unknown) => T[K];
};

/** Copies the known fields into a fresh object, leaving out those without a value: nothing else gets through. */
function readWith<T>(readers: Readers<T>, data: unknown): T {
  const source = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const record: Record<string, unknown> = {};
  for (const [key, read] of Object.entries<(value: unknown) => unknown>(readers)) {
    const value = read(source[key]);
    if (value !== undefined) record[key] = value;
  }
  return record as T;
}

// Required fields: the schema (imports) or the record type (rows) has already said they are there and of their type.
const text = (value: unknown): string => String(value);
const count = (value: unknown): number => Number(value);
const optionalText = (value: unknown) => (typeof value === 'string' ? value : undefined);
const optionalNumber = (value: unknown) => (typeof value === 'number' ? value : undefined);
const optionalFlag = (value: unknown) => (typeof value === 'boolean' ? value : undefined);

function answerValue(value: unknown): AnswerValue | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((v) => String(v));
  return undefined;
}

const SIGNATURE: Readers<SignOffSignature> = {
  algorithm: (value) => String(value) as SignOffSignature['algorithm'],
  publicKey: text,
  value: text,
};

const SIGN_OFF: Readers<SignOff> = {
  name: text,
  role: text,
  date: text,
  statement: text,
  contentHash: text,
  signedAt: text,
  signature: (value) => (typeof value === 'object' && value !== null ? readWith(SIGNATURE, value) : undefined),
};

const ASSESSMENT: Readers<BackupAssessment> = {
  id: text,
  questionnaireId: text,
  questionnaireVersion: text,
  title: text,
  organisation: text,
  aiSystem: text,
  assessor: text,
  status: (value) => String(value) as AssessmentStatus,
  created: text,
  updated: text,
  revision: optionalNumber,
  previousId: optionalText,
  archived: optionalFlag,
  signOff: (value) => (typeof value === 'object' && value !== null ? readWith(SIGN_OFF, value) : undefined),
};

const ANSWER_FIELDS: Readers<AnswerFields> = { value: answerValue, justification: optionalText, comment: optionalText };

const PERSON: Readers<TeamPerson> = { id: text, name: text };
const optionalPerson = (value: unknown) =>
  typeof value === 'object' && value !== null ? readWith(PERSON, value) : undefined;

const ANSWER: Readers<BackupAnswer> = {
  questionId: text,
  ...ANSWER_FIELDS,
  updated: text,
  carriedOver: optionalFlag,
  updatedBy: optionalPerson,
};

const HISTORY: Readers<BackupHistoryEntry> = {
  questionId: text,
  at: text,
  before: (value) => readWith(ANSWER_FIELDS, value),
  after: (value) => readWith(ANSWER_FIELDS, value),
  by: optionalPerson,
};

const EVIDENCE_META: Readers<BackupEvidenceMeta> = {
  id: text,
  questionId: text,
  name: text,
  type: text,
  size: count,
  sha256: text,
  added: text,
};

const EVIDENCE: Readers<BackupEvidence> = { ...EVIDENCE_META, data: text };

// Into a backup, field by field, from an imported file (after the schema) or from a stored row, which an older build
// may have written with fields this one no longer knows: either way only the record's own fields come out.

export const backupAssessment = (data: unknown): BackupAssessment => readWith(ASSESSMENT, data);
export const backupAnswer = (data: unknown): BackupAnswer => readWith(ANSWER, data);
export const backupHistory = (data: unknown): BackupHistoryEntry => readWith(HISTORY, data);
export const backupEvidenceMeta = (data: unknown): BackupEvidenceMeta => readWith(EVIDENCE_META, data);
export const backupEvidence = (data: unknown): BackupEvidence => readWith(EVIDENCE, data);

// Back into stored records, filed under the assessment they are imported into.

export function assessmentRecord(assessment: BackupAssessment, id: string, title: string): AssessmentRecord {
  return { ...backupAssessment(assessment), id, title };
}

export function answerRecord(answer: BackupAnswer, assessmentId: string): AnswerRecord {
  return { ...backupAnswer(answer), assessmentId };
}

export function historyRecord(entry: BackupHistoryEntry, assessmentId: string): HistoryRecord {
  return { ...backupHistory(entry), assessmentId };
}

export function evidenceRecord(meta: BackupEvidenceMeta, id: string, assessmentId: string, blob: Blob): EvidenceRecord {
  return { ...backupEvidenceMeta(meta), id, assessmentId, blob };
}
