import Dexie, { type EntityTable } from 'dexie';
import type { AnswerRecord, AssessmentRecord, EvidenceRecord, HistoryRecord } from '../engine/records';

export const DATABASE_NAME = 'conformo';

/**
 * One class, versions append-only: never edit a released `version(n)`, add `version(n + 1)` with an upgrade and a
 * test that opens a database written by every earlier version (test/storage/migrations.test.ts).
 */
export class ConformoDatabase extends Dexie {
  assessments!: EntityTable<AssessmentRecord, 'id'>;
  answers!: EntityTable<AnswerRecord, 'assessmentId'>;
  history!: EntityTable<HistoryRecord, 'id'>;
  evidence!: EntityTable<EvidenceRecord, 'id'>;
  keys!: EntityTable<SigningKeyRecord, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      assessments: 'id, questionnaireId, updated',
      answers: '[assessmentId+questionId], assessmentId',
    });
    // 2: answer history, evidence files, revisions and sign-off.
    this.version(2)
      .stores({
        assessments: 'id, questionnaireId, updated',
        answers: '[assessmentId+questionId], assessmentId',
        history: '++id, assessmentId, [assessmentId+questionId]',
        evidence: 'id, assessmentId, [assessmentId+questionId]',
      })
      .upgrade((tx) =>
        tx
          .table('assessments')
          .toCollection()
          .modify((assessment: AssessmentRecord) => {
            assessment.revision ??= 1;
          }),
      );
    // 3: shared assessments (team mode) are found by their share; nothing else changes, nothing to convert.
    this.version(3).stores({
      assessments: 'id, questionnaireId, updated, team.shareId',
      answers: '[assessmentId+questionId], assessmentId',
      history: '++id, assessmentId, [assessmentId+questionId]',
      evidence: 'id, assessmentId, [assessmentId+questionId]',
    });
    // 4: the key pair that signs this device's sign-offs; a new table, nothing to convert.
    this.version(4).stores({
      assessments: 'id, questionnaireId, updated, team.shareId',
      answers: '[assessmentId+questionId], assessmentId',
      history: '++id, assessmentId, [assessmentId+questionId]',
      evidence: 'id, assessmentId, [assessmentId+questionId]',
      keys: 'id',
    });
  }
}

/** A CryptoKeyPair stored as IndexedDB stores keys: the private key stays non-extractable. */
export interface SigningKeyRecord {
  id: 'sign-off';
  keys: CryptoKeyPair;
  created: string;
}

/** The schema version this build writes; a database above it was written by a newer Conformo. */
export const SCHEMA_VERSION = 4;
