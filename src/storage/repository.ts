import Dexie, { cmp, liveQuery, type ObservabilitySet, type Observable, RangeSet } from 'dexie';
import { type AnswerPatch, applyPatch } from '../engine/answers';
import type { AnswerFields, AnswerRecord, AssessmentRecord, HistoryRecord } from '../engine/records';
import type { TeamPerson } from '../engine/team-document';
import { ConformoDatabase, SCHEMA_VERSION } from './db';
import { guarded, StorageError } from './errors';

/** The only way into the database: typed functions, never tables (UI and state never import Dexie). */
let database: ConformoDatabase | undefined;

/** For the storage layer's own modules (backups, evidence); nothing outside src/storage may call it. */
export function db(): ConformoDatabase {
  database ??= closingWhenTakenElsewhere(new ConformoDatabase());
  return database;
}

/** For tests: use a database of another name (a fresh one per test). */
export function selectDatabase(name: string): void {
  database?.close();
  database = closingWhenTakenElsewhere(new ConformoDatabase(name));
}

/** Another tab deleted the database ("delete all my data") or a newer Conformo upgraded it. */
export type TakenElsewhere = 'erased' | 'upgraded';

const takenElsewhereListeners = new Set<(reason: TakenElsewhere) => void>();

export function onTakenElsewhere(listener: (reason: TakenElsewhere) => void): () => void {
  takenElsewhereListeners.add(listener);
  return () => takenElsewhereListeners.delete(listener);
}

/**
 * Dexie's own answer to another tab deleting or upgrading the database is to close and reopen at the next query:
 * that silently recreates an erased database, or bumps a newer one to fit this older schema. Close for good instead,
 * and say so; only a reload opens the database again.
 */
function closingWhenTakenElsewhere(database: ConformoDatabase): ConformoDatabase {
  database.on('versionchange', (event: IDBVersionChangeEvent) => {
    database.close({ disableAutoOpen: true });
    const reason: TakenElsewhere = event.newVersion ? 'upgraded' : 'erased';
    for (const listener of takenElsewhereListeners) listener(reason);
    // Dexie runs the latest subscriber first; false keeps its own handler from re-enabling the reopen.
    return false;
  });
  return database;
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

/**
 * One assessment's answers, read as a range of the primary key [assessmentId+questionId] rather than through the
 * assessmentId index: a live query over an index records every key it returns (5,000 answers cost tens of
 * milliseconds on each re-read), one over the primary key records only the range.
 */
export function answersOf(assessmentId: string) {
  return db()
    .answers.where('[assessmentId+questionId]')
    .between([assessmentId, Dexie.minKey], [assessmentId, Dexie.maxKey]);
}

export function listAnswers(assessmentId: string): Promise<AnswerRecord[]> {
  return guarded(() => answersOf(assessmentId).toArray());
}

export type { AnswerPatch };

/** Consecutive edits of one answer within this window are one history entry (typing is not a hundred changes). */
const HISTORY_MERGE_MS = 2 * 60 * 1000;

export function fieldsOf(record: AnswerRecord | undefined): AnswerFields {
  const fields: AnswerFields = {};
  if (record?.value !== undefined) fields.value = record.value;
  if (record?.justification !== undefined) fields.justification = record.justification;
  if (record?.comment !== undefined) fields.comment = record.comment;
  return fields;
}

export function sameFields(a: AnswerFields, b: AnswerFields): boolean {
  return (
    JSON.stringify([a.value, a.justification, a.comment]) === JSON.stringify([b.value, b.justification, b.comment])
  );
}

/**
 * Keeps one change in the history; quick successive changes by the same person are one entry. A change that came
 * from the team (`fromTeam`) without an author is never folded into an earlier entry: it may be someone else's.
 */
export async function recordHistory(
  assessmentId: string,
  questionId: string,
  before: AnswerFields,
  after: AnswerFields,
  at: string,
  by?: TeamPerson,
  fromTeam = false,
) {
  if (sameFields(before, after)) return;
  const last = await db().history.where('[assessmentId+questionId]').equals([assessmentId, questionId]).last();
  const samePerson = last?.by?.id === by?.id && (by !== undefined || !fromTeam);
  if (last?.id !== undefined && samePerson && Date.parse(at) - Date.parse(last.at) < HISTORY_MERGE_MS) {
    if (sameFields(last.before, after)) await db().history.delete(last.id);
    else await db().history.update(last.id, { after, at });
    return;
  }
  await db().history.add(
    by ? { assessmentId, questionId, at, before, after, by } : { assessmentId, questionId, at, before, after },
  );
}

/** What a write did: the records now stored, and the patches refused because their assessment is signed. */
export interface SavedAnswers {
  written: AnswerRecord[];
  refused: AnswerPatch[];
}

/**
 * Writes patches field by field inside one transaction, so two tabs editing different questions, or the answer and
 * the comment of the same question, never overwrite each other's work. Every change is kept in the history.
 * A signed assessment is read-only: its patches are refused (returned, not written), the others are written.
 */
type WrittenListener = (written: readonly AnswerRecord[]) => void;
const writtenListeners = new Set<WrittenListener>();

/**
 * Calls back with the answers this tab's user wrote, once they are durable: how a shared assessment's Yjs document
 * (storage/team-sync.ts) learns of them. Returns the function that stops.
 */
export function onAnswersWritten(listener: WrittenListener): () => void {
  writtenListeners.add(listener);
  return () => writtenListeners.delete(listener);
}

export async function saveAnswers(patches: readonly AnswerPatch[], now = new Date()): Promise<SavedAnswers> {
  const saved = await writeAnswers(patches, now);
  if (saved.written.length > 0) for (const listener of writtenListeners) listener(saved.written);
  return saved;
}

function writeAnswers(patches: readonly AnswerPatch[], now: Date): Promise<SavedAnswers> {
  if (patches.length === 0) return Promise.resolve({ written: [], refused: [] });
  const timestamp = now.toISOString();
  return guarded(() =>
    db().transaction('rw', db().answers, db().assessments, db().history, async () => {
      const result: SavedAnswers = { written: [], refused: [] };
      const touched = new Set<string>();
      for (const patch of patches) {
        const assessment = await db().assessments.get(patch.assessmentId);
        if (assessment?.status === 'signed') {
          result.refused.push(patch);
          continue;
        }
        const stored = await db().answers.get([patch.assessmentId, patch.questionId]);
        const next = applyPatch<AnswerRecord>(
          stored ?? { assessmentId: patch.assessmentId, questionId: patch.questionId, updated: timestamp },
          patch,
          timestamp,
        );
        await db().answers.put(next);
        await recordHistory(patch.assessmentId, patch.questionId, fieldsOf(stored), fieldsOf(next), next.updated);
        result.written.push(next);
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
      return result;
    }),
  );
}

export function watchHistory(assessmentId: string, questionId: string): Observable<HistoryRecord[]> {
  return liveQuery(() =>
    db().history.where('[assessmentId+questionId]').equals([assessmentId, questionId]).reverse().toArray(),
  );
}

/** Live queries follow changes from this tab and from every other tab of the same origin. */
export function watchAssessments(): Observable<AssessmentRecord[]> {
  return liveQuery(() => db().assessments.orderBy('updated').reverse().toArray());
}

export function watchAssessment(id: string): Observable<AssessmentRecord | undefined> {
  return liveQuery(() => db().assessments.get(id));
}

/** What changed in one assessment's answers: all of them (the first read), or some of them. */
export type AnswersChange =
  | { kind: 'all'; answers: AnswerRecord[] }
  | { kind: 'some'; changed: AnswerRecord[]; removed: string[] };

/**
 * Follows one assessment's answers, as written by this tab or any other: first all of them, then only those that
 * changed. A write of one answer re-reads that answer, not 5,000 (a live query re-reads its whole result); a change
 * over a range (a deleted assessment, a restored backup) re-reads them all. Returns the function that stops.
 */
export function watchAnswers(
  assessmentId: string,
  onChange: (change: AnswersChange) => void,
  onError: (error: unknown) => void,
): () => void {
  let stopped = false;
  let reads = Promise.resolve();
  const read = (work: () => Promise<AnswersChange | undefined>) => {
    reads = reads
      .then(work)
      .then((change) => {
        if (change && !stopped) onChange(change);
      })
      .catch(onError);
  };
  const all = async (): Promise<AnswersChange> => ({ kind: 'all', answers: await listAnswers(assessmentId) });
  const mine = (key: unknown): key is [string, string] =>
    Array.isArray(key) && key.length === 2 && key[0] === assessmentId && typeof key[1] === 'string';
  const listener = (parts: ObservabilitySet) => {
    const mutated = parts[`idb://${db().name}/answers/`];
    if (!mutated || mutated.d === 0) return;
    const keys: [string, string][] = [];
    let whole = false;
    for (const range of RangeSet(mutated)) {
      if (mine(range.from) && cmp(range.from, range.to) === 0) keys.push(range.from);
      else if (cmp(range.from, [assessmentId, Dexie.maxKey]) <= 0 && cmp(range.to, [assessmentId]) >= 0) {
        whole = true;
      }
    }
    if (whole) read(all);
    else if (keys.length > 0) {
      read(async () => {
        const found = await guarded(() => db().answers.bulkGet(keys as never[]));
        const changed = found.filter((answer): answer is AnswerRecord => answer !== undefined);
        const removed = keys.filter((_, i) => found[i] === undefined).map(([, questionId]) => questionId);
        return { kind: 'some', changed, removed };
      });
    }
  };
  Dexie.on('storagemutated', listener);
  read(all);
  return () => {
    stopped = true;
    Dexie.on('storagemutated').unsubscribe(listener);
  };
}

export function watchAllAnswers(): Observable<AnswerRecord[]> {
  return liveQuery(() => db().answers.toArray());
}
