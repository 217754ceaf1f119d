import type {
  BackupAnswer,
  BackupAnswerFields,
  BackupAssessment,
  BackupEvidenceMeta,
  BackupHistoryEntry,
} from '../engine/backup-format';
import type { AnswerFields, AnswerRecord, AssessmentRecord, EvidenceRecord, HistoryRecord } from '../engine/records';

/**
 * Database rows <-> backup records, field by field both ways: an old row's stray fields never reach a backup, and a
 * backup's record becomes exactly a row. A field added to one side and not the other is a type error here.
 */
export function assessmentToBackup(record: AssessmentRecord): BackupAssessment {
  const out: BackupAssessment = {
    id: record.id,
    questionnaireId: record.questionnaireId,
    questionnaireVersion: record.questionnaireVersion,
    title: record.title,
    organisation: record.organisation,
    aiSystem: record.aiSystem,
    assessor: record.assessor,
    status: record.status,
    created: record.created,
    updated: record.updated,
  };
  if (record.revision !== undefined) out.revision = record.revision;
  if (record.previousId !== undefined) out.previousId = record.previousId;
  if (record.archived !== undefined) out.archived = record.archived;
  if (record.signOff !== undefined) {
    const { name, role, date, statement, contentHash, signedAt } = record.signOff;
    out.signOff = { name, role, date, statement, contentHash, signedAt };
  }
  return out;
}

export function assessmentFromBackup(assessment: BackupAssessment, id: string, title: string): AssessmentRecord {
  const record: AssessmentRecord = { ...assessmentToBackup(assessment as AssessmentRecord), id, title };
  return record;
}

function fieldsOf(source: AnswerFields): BackupAnswerFields {
  const out: BackupAnswerFields = {};
  if (source.value !== undefined) out.value = source.value;
  if (source.justification !== undefined) out.justification = source.justification;
  if (source.comment !== undefined) out.comment = source.comment;
  return out;
}

export function answerToBackup(record: AnswerRecord): BackupAnswer {
  const out: BackupAnswer = { questionId: record.questionId, updated: record.updated, ...fieldsOf(record) };
  if (record.carriedOver !== undefined) out.carriedOver = record.carriedOver;
  return out;
}

export function answerFromBackup(answer: BackupAnswer, assessmentId: string): AnswerRecord {
  return { assessmentId, ...answerToBackup(answer as AnswerRecord) };
}

export function historyToBackup(record: HistoryRecord): BackupHistoryEntry {
  return {
    questionId: record.questionId,
    at: record.at,
    before: fieldsOf(record.before),
    after: fieldsOf(record.after),
  };
}

export function historyFromBackup(entry: BackupHistoryEntry, assessmentId: string): HistoryRecord {
  return { assessmentId, ...historyToBackup(entry as HistoryRecord) };
}

export function evidenceMetaOf(record: BackupEvidenceMeta): BackupEvidenceMeta {
  const { id, questionId, name, type, size, sha256, added } = record;
  return { id, questionId, name, type, size, sha256, added };
}

export function evidenceFromBackup(
  meta: BackupEvidenceMeta,
  id: string,
  assessmentId: string,
  blob: Blob,
): EvidenceRecord {
  return { ...evidenceMetaOf(meta), id, assessmentId, blob };
}

/** For sorting history into the order it happened (auto-increment ids). */
export function byHistoryId(a: HistoryRecord, b: HistoryRecord): number {
  return (a.id ?? 0) - (b.id ?? 0);
}

export type { EvidenceRecord };
