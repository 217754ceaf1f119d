import Dexie, { type EntityTable } from 'dexie';
import type { AnswerValue } from '../engine/types';

export type AssessmentStatus = 'draft' | 'inProgress' | 'completed';

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
}

export interface AnswerRecord {
  assessmentId: string;
  questionId: string;
  value?: AnswerValue;
  justification?: string;
  comment?: string;
  updated: string;
}

export const DATABASE_NAME = 'conformo';

/**
 * One class, versions append-only: never edit a released `version(n)`, add `version(n + 1)` with an upgrade and a
 * test that opens a database written by every earlier version (test/storage/migrations.test.ts).
 */
export class ConformoDatabase extends Dexie {
  assessments!: EntityTable<AssessmentRecord, 'id'>;
  answers!: EntityTable<AnswerRecord, 'assessmentId'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      assessments: 'id, questionnaireId, updated',
      answers: '[assessmentId+questionId], assessmentId',
    });
  }
}

/** The schema version this build writes; a database above it was written by a newer Conformo. */
export const SCHEMA_VERSION = 1;
