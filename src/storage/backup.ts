import { contentKey, isLater } from '../backup/compare';
import type { VerifiedEntry } from '../backup/evidence';
import {
  BACKUP_APP,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupDocument,
  type BackupEntry,
  type RestoredImport,
} from '../backup/format';
import {
  answerRecord,
  assessmentRecord,
  backupAnswer,
  backupAssessment,
  backupEvidenceMeta,
  backupHistory,
  evidenceRecord,
  historyRecord,
} from '../backup/records';
import { bytesToBase64 } from '../engine/base64';
import type { AssessmentRecord, EvidenceRecord, HistoryRecord } from '../engine/records';
import type { ConformoDatabase } from './db';
import { guarded } from './errors';
import { db } from './repository';

/** History in the order it happened: its auto-increment ids. */
function byHistoryId(a: HistoryRecord, b: HistoryRecord): number {
  return (a.id ?? 0) - (b.id ?? 0);
}

/** What the database holds about one assessment, evidence without its bytes (read in one transaction). */
async function readEntries(ids?: readonly string[]): Promise<BackupEntry<EvidenceRecord>[]> {
  const d = db();
  return d.transaction('r', d.assessments, d.answers, d.history, d.evidence, async () => {
    const assessments: AssessmentRecord[] = ids
      ? (await d.assessments.bulkGet([...ids])).filter((a): a is AssessmentRecord => a !== undefined)
      : await d.assessments.orderBy('updated').toArray();
    return Promise.all(
      assessments.map(async (assessment) => {
        const [answers, history, evidence] = await Promise.all([
          d.answers.where('assessmentId').equals(assessment.id).toArray(),
          d.history.where('assessmentId').equals(assessment.id).toArray(),
          d.evidence.where('assessmentId').equals(assessment.id).toArray(),
        ]);
        const entry: BackupEntry<EvidenceRecord> = {
          assessment: backupAssessment(assessment),
          answers: answers.map(backupAnswer),
          history: history.sort(byHistoryId).map(backupHistory),
          evidence,
        };
        return entry;
      }),
    );
  });
}

/**
 * The backup of the given assessments (every assessment when `ids` is left out): records, answers, answer history
 * and evidence files, the files in base64. Ids that do not exist are left out.
 */
export function exportBackup(ids?: readonly string[], now = new Date()): Promise<BackupDocument> {
  return guarded(async () => {
    const read = await readEntries(ids);
    // Blobs are read after the transaction: awaiting anything but IndexedDB inside one would end it early.
    const assessments = await Promise.all(
      read.map(async (entry) => ({
        ...entry,
        evidence: await Promise.all(
          entry.evidence.map(async (file) => ({
            ...backupEvidenceMeta(file),
            data: bytesToBase64(new Uint8Array(await file.blob.arrayBuffer())),
          })),
        ),
      })),
    );
    return {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      exportedAt: now.toISOString(),
      app: BACKUP_APP,
      assessments,
    };
  });
}

export type ImportStatus = 'new' | 'identical' | 'conflict';

export interface ImportItem {
  entry: VerifiedEntry;
  status: ImportStatus;
  /** The assessment already stored under the same id (identical or conflict). */
  existing?: { title: string; updated: string };
  /** Replacing is allowed only when the imported assessment was changed after the stored one. */
  importedIsNewer: boolean;
}

export interface ImportPlan {
  scope: RestoredImport['scope'];
  items: ImportItem[];
}

/** What the user chose for an assessment whose id already exists. */
export type ImportDecision = 'keepBoth' | 'replace' | 'skip';

export interface ImportSummary {
  added: number;
  copied: number;
  replaced: number;
  alreadyPresent: number;
  skipped: number;
  /** Ids written (new, copies, replacements), in the order of the file. */
  ids: string[];
}

/** Something changed since the plan was made (another tab), or a replace that is not allowed: nothing is written. */
export interface ImportConflict {
  reason: 'exists' | 'notNewer' | 'missing';
  assessmentId: string;
}

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; conflict: ImportConflict };

/** Compares every imported assessment with what is stored under its id; writes nothing. */
export function planImport(entries: readonly VerifiedEntry[], scope: RestoredImport['scope']): Promise<ImportPlan> {
  return guarded(async () => {
    const ids = entries.map((e) => e.assessment.id);
    const stored = await readEntries(ids);
    const byId = new Map(stored.map((entry) => [entry.assessment.id, entry]));
    const items = entries.map((entry): ImportItem => {
      const existing = byId.get(entry.assessment.id);
      if (!existing) return { entry, status: 'new', importedIsNewer: true };
      const same = contentKey(existing, scope) === contentKey(entry, scope);
      return {
        entry,
        status: same ? 'identical' : 'conflict',
        existing: { title: existing.assessment.title, updated: existing.assessment.updated },
        importedIsNewer: isLater(entry.assessment.updated, existing.assessment.updated),
      };
    });
    return { scope, items };
  });
}

export interface ApplyOptions {
  /** Appended to the title of a copy kept next to the stored assessment, e.g. " (imported)". */
  copySuffix: string;
  newId?: () => string;
  now?: () => Date;
}

/** What the user chose for each conflicting assessment, and what the plan says about it, as one decision. */
function decisionOf(item: ImportItem, decisions: ReadonlyMap<string, ImportDecision>): ImportDecision | 'add' | 'none' {
  if (item.status === 'identical') return 'none';
  if (item.status === 'new') return 'add';
  return decisions.get(item.entry.assessment.id) ?? 'skip';
}

/** Whether the plan still holds: checked inside the writing transaction, before anything is written. */
async function findConflict(
  d: ConformoDatabase,
  plan: ImportPlan,
  decisions: ReadonlyMap<string, ImportDecision>,
): Promise<ImportConflict | undefined> {
  for (const item of plan.items) {
    const { id, updated } = item.entry.assessment;
    const decision = decisionOf(item, decisions);
    if (decision !== 'add' && decision !== 'replace') continue;
    const stored = await d.assessments.get(id);
    if (decision === 'add' && stored) return { reason: 'exists', assessmentId: id };
    if (decision === 'replace' && !stored) return { reason: 'missing', assessmentId: id };
    if (decision === 'replace' && stored && !isLater(updated, stored.updated)) {
      return { reason: 'notNewer', assessmentId: id };
    }
  }
  return undefined;
}

/**
 * Writes an import in one transaction: any failure (a full disk) leaves the database exactly as it was, and so does
 * a conflict that appeared since the plan was made (another tab), which is returned, not written over. New
 * assessments are added, identical ones left alone, conflicts resolved as decided (undecided ones are skipped).
 * Nothing stored is ever overwritten by something older.
 */
export async function applyImport(
  plan: ImportPlan,
  decisions: ReadonlyMap<string, ImportDecision>,
  { copySuffix, newId = () => crypto.randomUUID(), now = () => new Date() }: ApplyOptions,
): Promise<ImportOutcome> {
  const summary: ImportSummary = { added: 0, copied: 0, replaced: 0, alreadyPresent: 0, skipped: 0, ids: [] };
  // Blobs are made before the transaction, which must not wait on anything but IndexedDB.
  const blobs = new Map(
    plan.items.flatMap((item) =>
      item.entry.evidence.map((file) => [file, new Blob([file.bytes as BlobPart], { type: file.type })] as const),
    ),
  );
  const d = db();
  return guarded(() =>
    d.transaction('rw', d.assessments, d.answers, d.history, d.evidence, async (): Promise<ImportOutcome> => {
      const conflict = await findConflict(d, plan, decisions);
      if (conflict) return { ok: false, conflict };
      for (const item of plan.items) {
        const { entry } = item;
        const id = entry.assessment.id;
        const decision = decisionOf(item, decisions);
        if (decision === 'none') {
          summary.alreadyPresent += 1;
        } else if (decision === 'add') {
          await write(entry, id, entry.assessment.title, false);
          summary.added += 1;
          summary.ids.push(id);
        } else if (decision === 'keepBoth') {
          const copyId = newId();
          // A signed assessment keeps its title: the signature covers it, and must still verify on the copy.
          const title = entry.assessment.signOff ? entry.assessment.title : `${entry.assessment.title}${copySuffix}`;
          await write(entry, copyId, title, true);
          summary.copied += 1;
          summary.ids.push(copyId);
        } else if (decision === 'replace') {
          await d.answers.where('assessmentId').equals(id).delete();
          // A report's attachment carries no history and no evidence files: those stay as they are.
          if (plan.scope === 'full') {
            await d.history.where('assessmentId').equals(id).delete();
            await d.evidence.where('assessmentId').equals(id).delete();
          }
          await write(entry, id, entry.assessment.title, false);
          summary.replaced += 1;
          summary.ids.push(id);
        } else {
          summary.skipped += 1;
        }
      }
      return { ok: true, summary };
    }),
  );

  async function write(entry: VerifiedEntry, id: string, title: string, copy: boolean): Promise<void> {
    // A time in the future (a clock set wrong, a crafted file) would make every later version look older and could
    // never be replaced: it is stored as the moment of the import.
    const importedAt = now().toISOString();
    const updated = isLater(entry.assessment.updated, importedAt) ? importedAt : entry.assessment.updated;
    await d.assessments.put(assessmentRecord({ ...entry.assessment, updated }, id, title));
    await d.answers.bulkPut(entry.answers.map((answer) => answerRecord(answer, id)));
    if (entry.history.length > 0) await d.history.bulkAdd(entry.history.map((h) => historyRecord(h, id)));
    const files: EvidenceRecord[] = [];
    for (const file of entry.evidence) {
      // Evidence ids are global: a copy, or a file whose id another assessment already uses, gets a new one.
      const taken = copy || (await d.evidence.get(file.id)) !== undefined;
      const blob = blobs.get(file) as Blob;
      files.push(evidenceRecord(file, taken ? newId() : file.id, id, blob));
    }
    if (files.length > 0) await d.evidence.bulkPut(files);
  }
}
