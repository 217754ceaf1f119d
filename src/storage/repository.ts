import { liveQuery, type Observable } from 'dexie';
import type { AnswerValue } from '../engine/types';
import { type AnswerRecord, type AssessmentRecord, ConformoDatabase, SCHEMA_VERSION } from './db';
import { classifyStorageError, StorageError } from './errors';

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

async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw classifyStorageError(error);
  }
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
}

/**
 * Writes patches field by field inside one transaction, so two tabs editing different questions, or the answer and
 * the comment of the same question, never overwrite each other's work.
 */
export function saveAnswers(patches: readonly AnswerPatch[], now = new Date()): Promise<void> {
  if (patches.length === 0) return Promise.resolve();
  const timestamp = now.toISOString();
  return guarded(() =>
    db().transaction('rw', db().answers, db().assessments, async () => {
      const touched = new Set<string>();
      for (const patch of patches) {
        const key: [string, string] = [patch.assessmentId, patch.questionId];
        const stored = await db().answers.get(key);
        const next: AnswerRecord = {
          ...(stored ?? { assessmentId: patch.assessmentId, questionId: patch.questionId }),
          updated: timestamp,
        };
        if (patch.value === null) delete next.value;
        else if (patch.value !== undefined) next.value = patch.value;
        if (patch.justification !== undefined) next.justification = patch.justification;
        if (patch.comment !== undefined) next.comment = patch.comment;
        await db().answers.put(next);
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
