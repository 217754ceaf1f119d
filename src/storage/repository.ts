import { liveQuery, type Observable } from 'dexie';
import type { AnswerValue } from '../engine/types';
import {
  type AnswerFields,
  type AnswerRecord,
  type AssessmentRecord,
  ConformoDatabase,
  type HistoryRecord,
  SCHEMA_VERSION,
} from './db';
import { guarded, StorageError } from './errors';

/** The only way into the database: typed functions, never tables (UI and state never import Dexie). */
let database: ConformoDatabase | undefined;

/** For the storage layer's own modules (backups, evidence); nothing outside src/storage may call it. */
export function db(): ConformoDatabase {
  database ??= new ConformoDatabase();
  return database;
}

/** For tests: use a database of another name (a fresh one per test). */
export function selectDatabase(name: string): void {
  database?.close();
  database = new ConformoDatabase(name);
}

/** The IndexedDB version of an existing database, read without opening it (opening could upgrade it). */
async function installedVersion(name: string): Promise<number | undefined> {
  const databases = await indexedDB.databases();
  return databases.find((d) => d.name === name)?.version;
}

/**
 * Dexie 4 opens a database of a higher version and may even bump it to fit its own schema. A newer Conformo wrote
 * such a database: look before opening, and refuse without touching it.
 */
export function openStorage(): Promise<void> {
  return guarded(async () => {
    if (typeof indexedDB === 'undefined') throw new StorageError('unavailable');
    const installed = await installedVersion(db().name);
    // Dexie stores version n as IndexedDB version 10n.
    if (installed !== undefined && installed / 10 > SCHEMA_VERSION) throw new StorageError('newerVersion');
    await db().open();
  });
}

export type NewAssessment = Pick<
  AssessmentRecord,
  'questionnaireId' | 'questionnaireVersion' | 'title' | 'organisation' | 'aiSystem' | 'assessor'
>;

export function createAssessment(input: NewAssessment, now = new Date()): Promise<AssessmentRecord> {
  const timestamp = now.toISOString();
  const record: AssessmentRecord = {
    ...input,
    id: crypto.randomUUID(),
    status: 'draft',
    created: timestamp,
    updated: timestamp,
  };
  return guarded(async () => {
    await db().assessments.add(record);
    return record;
  });
}

export function getAssessment(id: string): Promise<AssessmentRecord | undefined> {
  return guarded(() => db().assessments.get(id));
}

export function listAnswers(assessmentId: string): Promise<AnswerRecord[]> {
  return guarded(() => db().answers.where('assessmentId').equals(assessmentId).toArray());
}

/** What a user changed on one question; fields left out keep their stored value. */
export interface AnswerPatch {
  assessmentId: string;
  questionId: string;
  value?: AnswerValue | null;
  justification?: string;
  comment?: string;
  /** true: the user confirms an answer carried over from an earlier assessment without changing it. */
  confirm?: boolean;
  /**
   * When the user made the change (ISO time). Stored as the answer's `updated`, so a write that started late never
   * looks newer than a change made after it.
   */
  at?: string;
}

/** Consecutive edits of one answer within this window are one history entry (typing is not a hundred changes). */
const HISTORY_MERGE_MS = 2 * 60 * 1000;

function fieldsOf(record: AnswerRecord | undefined): AnswerFields {
  const fields: AnswerFields = {};
  if (record?.value !== undefined) fields.value = record.value;
  if (record?.justification !== undefined) fields.justification = record.justification;
  if (record?.comment !== undefined) fields.comment = record.comment;
  return fields;
}

function sameFields(a: AnswerFields, b: AnswerFields): boolean {
  return (
    JSON.stringify([a.value, a.justification, a.comment]) === JSON.stringify([b.value, b.justification, b.comment])
  );
}

async function recordHistory(
  assessmentId: string,
  questionId: string,
  before: AnswerFields,
  after: AnswerFields,
  at: string,
) {
  if (sameFields(before, after)) return;
  const last = await db().history.where('[assessmentId+questionId]').equals([assessmentId, questionId]).last();
  if (last?.id !== undefined && Date.parse(at) - Date.parse(last.at) < HISTORY_MERGE_MS) {
    if (sameFields(last.before, after)) await db().history.delete(last.id);
    else await db().history.update(last.id, { after, at });
    return;
  }
  await db().history.add({ assessmentId, questionId, at, before, after });
}

/**
 * Writes patches field by field inside one transaction, so two tabs editing different questions, or the answer and
 * the comment of the same question, never overwrite each other's work. Every change is kept in the history.
 * A signed assessment is read-only: writing to it fails with the `readOnly` problem.
 */
export function saveAnswers(patches: readonly AnswerPatch[], now = new Date()): Promise<void> {
  if (patches.length === 0) return Promise.resolve();
  const timestamp = now.toISOString();
  return guarded(() =>
    db().transaction('rw', db().answers, db().assessments, db().history, async () => {
      const touched = new Set<string>();
      for (const patch of patches) {
        const assessment = await db().assessments.get(patch.assessmentId);
        if (assessment?.status === 'signed') throw new StorageError('readOnly');
        const key: [string, string] = [patch.assessmentId, patch.questionId];
        const stored = await db().answers.get(key);
        const next: AnswerRecord = {
          ...(stored ?? { assessmentId: patch.assessmentId, questionId: patch.questionId }),
          updated: patch.at ?? timestamp,
        };
        if (patch.value === null) delete next.value;
        else if (patch.value !== undefined) next.value = patch.value;
        if (patch.justification !== undefined) next.justification = patch.justification;
        if (patch.comment !== undefined) next.comment = patch.comment;
        // Touching a carried-over answer, or confirming it, makes it this assessment's own.
        delete next.carriedOver;
        await db().answers.put(next);
        await recordHistory(patch.assessmentId, patch.questionId, fieldsOf(stored), fieldsOf(next), next.updated);
        touched.add(patch.assessmentId);
      }
      for (const id of touched) {
        await db()
          .assessments.where('id')
          .equals(id)
          .modify((a) => {
            a.updated = timestamp;
            if (a.status === 'draft') a.status = 'inProgress';
          });
      }
    }),
  );
}

export function watchHistory(assessmentId: string, questionId: string): Observable<HistoryRecord[]> {
  return liveQuery(() =>
    db().history.where('[assessmentId+questionId]').equals([assessmentId, questionId]).reverse().toArray(),
  );
}

export function updateAssessmentStatus(id: string, status: AssessmentRecord['status']): Promise<void> {
  return guarded(async () => {
    await db().assessments.update(id, { status, updated: new Date().toISOString() });
  });
}

/** Live queries follow changes from this tab and from every other tab of the same origin. */
export function watchAssessments(): Observable<AssessmentRecord[]> {
  return liveQuery(() => db().assessments.orderBy('updated').reverse().toArray());
}

export function watchAssessment(id: string): Observable<AssessmentRecord | undefined> {
  return liveQuery(() => db().assessments.get(id));
}

export function watchAnswers(assessmentId: string): Observable<AnswerRecord[]> {
  return liveQuery(() => db().answers.where('assessmentId').equals(assessmentId).toArray());
}

export function watchAllAnswers(): Observable<AnswerRecord[]> {
  return liveQuery(() => db().answers.toArray());
}
