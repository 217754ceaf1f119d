import Dexie, { type EntityTable } from 'dexie';
import type { AnswerValue, SignOff } from '../engine/types';

export type { SignOff };

export type AssessmentStatus = 'draft' | 'inProgress' | 'completed' | 'signed';

export interface AssessmentRecord {
  id: string;
  questionnaireId: string;
  questionnaireVersion: string;
  title: string;
  organisation: string;
  aiSystem: string;
  assessor: string;
  status: AssessmentStatus;
  created: string;
  updated: string;
  /** 1 for a first assessment; reopening a signed one starts the next revision, the signed one stays intact. */
  revision?: number;
  /** The signed assessment this revision reopened, or the assessment a re-assessment was duplicated from. */
  previousId?: string;
  archived?: boolean;
  signOff?: SignOff;
}

export interface AnswerRecord {
  assessmentId: string;
  questionId: string;
  value?: AnswerValue;
  justification?: string;
  comment?: string;
  updated: string;
  /** Copied from an earlier assessment and not yet confirmed by the user. */
  carriedOver?: boolean;
}

export interface AnswerFields {
  value?: AnswerValue;
  justification?: string;
  comment?: string;
}

/** One change of one answer: when, what it was, what it became. */
export interface HistoryRecord {
  id?: number;
  assessmentId: string;
  questionId: string;
  at: string;
  before: AnswerFields;
  after: AnswerFields;
}

/** A file attached to a question as evidence. */
export interface EvidenceRecord {
  id: string;
  assessmentId: string;
  questionId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  added: string;
  blob: Blob;
}

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
  }
}

/** The schema version this build writes; a database above it was written by a newer Conformo. */
export const SCHEMA_VERSION = 2;
