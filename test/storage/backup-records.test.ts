import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  BackupAnswer,
  BackupAssessment,
  BackupEvidenceMeta,
  BackupHistoryEntry,
  BackupSignOff,
} from '../../src/engine/backup-format';
import type { AnswerRecord, AssessmentRecord, EvidenceRecord, HistoryRecord } from '../../src/engine/records';
import type { SignOff } from '../../src/engine/types';
import { answerToBackup, assessmentToBackup, historyToBackup } from '../../src/storage/backup-records';

describe('backup records', () => {
  it('carry every field the database stores (a field added to one side must be added to the other)', () => {
    // Fails to type-check when db.ts and the backup format drift apart: update schemas/backup.schema.json,
    // src/engine/backup-format.ts, src/engine/backup-restore.ts and src/storage/backup-records.ts together, and
    // raise BACKUP_FORMAT_VERSION if older Conformos could not read the result.
    expectTypeOf<keyof BackupAssessment>().toEqualTypeOf<keyof AssessmentRecord>();
    expectTypeOf<keyof BackupSignOff>().toEqualTypeOf<keyof SignOff>();
    expectTypeOf<keyof BackupAnswer | 'assessmentId'>().toEqualTypeOf<keyof AnswerRecord>();
    expectTypeOf<keyof BackupHistoryEntry | 'id' | 'assessmentId'>().toEqualTypeOf<keyof HistoryRecord>();
    expectTypeOf<keyof BackupEvidenceMeta | 'assessmentId' | 'blob'>().toEqualTypeOf<keyof EvidenceRecord>();
    expect(true).toBe(true);
  });

  it('copy an old row field by field: stray fields and undefined values stay out of a backup', () => {
    const row = {
      id: 'a1',
      questionnaireId: 'q',
      questionnaireVersion: '1.0.0',
      title: 'T',
      organisation: '',
      aiSystem: '',
      assessor: '',
      status: 'draft',
      created: '2026-01-01T00:00:00.000Z',
      updated: '2026-01-01T00:00:00.000Z',
      revision: undefined,
      legacyField: 'from an old build',
    } as AssessmentRecord;
    expect(Object.keys(assessmentToBackup(row))).toEqual([
      'id',
      'questionnaireId',
      'questionnaireVersion',
      'title',
      'organisation',
      'aiSystem',
      'assessor',
      'status',
      'created',
      'updated',
    ]);
    const answer = { assessmentId: 'a1', questionId: 'q1', updated: 'u', value: undefined, stray: 1 } as AnswerRecord;
    expect(answerToBackup(answer)).toEqual({ questionId: 'q1', updated: 'u' });
    const history = { id: 3, assessmentId: 'a1', questionId: 'q1', at: 'x', before: { value: 1, x: 2 }, after: {} };
    expect(historyToBackup(history as HistoryRecord)).toEqual({
      questionId: 'q1',
      at: 'x',
      before: { value: 1 },
      after: {},
    });
  });
});
