import { sha256Hex } from '../engine/canonical';
import type { AnswerRecord, AssessmentRecord, EvidenceRecord, HistoryRecord } from '../engine/records';
import { signedContent } from '../engine/signed-content';
import type { SignOff } from '../engine/types';
import { guarded, StorageError } from './errors';
import { db } from './repository';

export type AssessmentDetails = Pick<AssessmentRecord, 'title' | 'organisation' | 'aiSystem' | 'assessor'>;

export function updateDetails(id: string, details: Partial<AssessmentDetails>, now = new Date()): Promise<void> {
  return guarded(async () => {
    const assessment = await db().assessments.get(id);
    if (assessment?.status === 'signed') throw new StorageError('readOnly');
    const team = assessment?.team && { team: { ...assessment.team, detailsChanged: true } };
    await db().assessments.update(id, { ...details, ...team, updated: now.toISOString() });
  });
}

export function setArchived(id: string, archived: boolean): Promise<void> {
  return guarded(async () => {
    await db().assessments.update(id, { archived });
  });
}

/** Everything stored for one assessment: what a delete removes and an undo puts back. */
export interface AssessmentSnapshot {
  assessment: AssessmentRecord;
  answers: AnswerRecord[];
  history: HistoryRecord[];
  evidence: EvidenceRecord[];
}

async function snapshotOf(id: string): Promise<AssessmentSnapshot | undefined> {
  const assessment = await db().assessments.get(id);
  if (!assessment) return undefined;
  const [answers, history, evidence] = await Promise.all([
    db().answers.where('assessmentId').equals(id).toArray(),
    db().history.where('assessmentId').equals(id).toArray(),
    db().evidence.where('assessmentId').equals(id).toArray(),
  ]);
  return { assessment, answers, history, evidence };
}

const ALL_TABLES = () => [db().assessments, db().answers, db().history, db().evidence];

/** Deletes an assessment with all it owns, and returns what was deleted so that the user can undo. */
export function deleteAssessment(id: string): Promise<AssessmentSnapshot | undefined> {
  return guarded(() =>
    db().transaction('rw', ALL_TABLES(), async () => {
      const snapshot = await snapshotOf(id);
      if (!snapshot) return undefined;
      await db().answers.where('assessmentId').equals(id).delete();
      await db().history.where('assessmentId').equals(id).delete();
      await db().evidence.where('assessmentId').equals(id).delete();
      await db().assessments.delete(id);
      return snapshot;
    }),
  );
}

export function restoreSnapshot(snapshot: AssessmentSnapshot): Promise<void> {
  return guarded(() =>
    db().transaction('rw', ALL_TABLES(), async () => {
      await db().assessments.put(snapshot.assessment);
      await db().answers.bulkPut(snapshot.answers);
      await db().history.bulkPut(snapshot.history);
      await db().evidence.bulkPut(snapshot.evidence);
    }),
  );
}

/** Copies answers and evidence of one assessment into another, as one transaction's work. */
async function copyContent(from: AssessmentSnapshot, toId: string, timestamp: string, carriedOver: boolean) {
  await db().answers.bulkAdd(
    from.answers.map((answer) => {
      const copy: AnswerRecord = { ...answer, assessmentId: toId, updated: timestamp };
      if (carriedOver) copy.carriedOver = true;
      else delete copy.carriedOver;
      return copy;
    }),
  );
  await db().evidence.bulkAdd(from.evidence.map((file) => ({ ...file, id: crypto.randomUUID(), assessmentId: toId })));
}

/**
 * A re-assessment: a new assessment of the same system, whose answers start as those of the earlier one and are
 * marked "carried over" until the user confirms or changes each of them.
 */
export function duplicateAssessment(id: string, title: string, now = new Date()): Promise<AssessmentRecord> {
  const timestamp = now.toISOString();
  return guarded(() =>
    db().transaction('rw', ALL_TABLES(), async () => {
      const source = await snapshotOf(id);
      if (!source) throw new StorageError('unknown');
      const { signOff: _signOff, archived: _archived, ...kept } = source.assessment;
      const copy: AssessmentRecord = {
        ...kept,
        id: crypto.randomUUID(),
        title,
        status: 'inProgress',
        created: timestamp,
        updated: timestamp,
        revision: 1,
        previousId: id,
      };
      await db().assessments.add(copy);
      await copyContent(source, copy.id, timestamp, true);
      return copy;
    }),
  );
}

export type SignOffInput = Pick<SignOff, 'name' | 'role' | 'date' | 'statement'>;

/**
 * Finalises an assessment: from now on it is read-only, and its content hash is recorded with the signature.
 * Hashing cannot run inside an IndexedDB transaction (it would commit early), so the content is read, hashed, and
 * the signature written only if nothing changed in between (another tab); otherwise it starts over.
 */
export async function signOffAssessment(
  id: string,
  input: SignOffInput,
  now = new Date(),
  attempts = 3,
): Promise<SignOff> {
  const read = await guarded(() =>
    db().transaction('r', db().assessments, db().answers, async () => ({
      assessment: await db().assessments.get(id),
      answers: await db().answers.where('assessmentId').equals(id).toArray(),
    })),
  );
  if (!read.assessment) throw new StorageError('unknown');
  if (read.assessment.status === 'signed') throw new StorageError('readOnly');
  // Loaded when a user signs off, not with the first page.
  const [{ signSignOff }, { signingKey }] = await Promise.all([
    import('../engine/sign-off-signature'),
    import('./signing-key'),
  ]);
  const signOff: SignOff = await signSignOff(
    {
      ...input,
      contentHash: await sha256Hex(signedContent({ assessment: read.assessment, answers: read.answers })),
      signedAt: now.toISOString(),
    },
    await guarded(signingKey),
  );
  const written = await guarded(() =>
    db().transaction('rw', db().assessments, async () => {
      const current = await db().assessments.get(id);
      if (current?.updated !== read.assessment?.updated || current?.status === 'signed') return false;
      await db().assessments.update(id, { status: 'signed', signOff, updated: now.toISOString() });
      return true;
    }),
  );
  if (written) return signOff;
  if (attempts <= 1) throw new StorageError('unknown');
  return signOffAssessment(id, input, now, attempts - 1);
}

/** Reopening never edits a signed assessment: it starts the next revision, a copy the user can change. */
export function reopenAssessment(id: string, now = new Date()): Promise<AssessmentRecord> {
  const timestamp = now.toISOString();
  return guarded(() =>
    db().transaction('rw', ALL_TABLES(), async () => {
      const signed = await snapshotOf(id);
      if (!signed) throw new StorageError('unknown');
      const { signOff: _signOff, archived: _archived, ...kept } = signed.assessment;
      const next: AssessmentRecord = {
        ...kept,
        id: crypto.randomUUID(),
        status: 'inProgress',
        created: timestamp,
        updated: timestamp,
        revision: (signed.assessment.revision ?? 1) + 1,
        previousId: id,
      };
      await db().assessments.add(next);
      await copyContent(signed, next.id, timestamp, false);
      return next;
    }),
  );
}

/** Pins an assessment to a newer version of its questionnaire; answers stay under their question ids. */
export function changeQuestionnaireVersion(id: string, version: string, now = new Date()): Promise<void> {
  return guarded(async () => {
    const assessment = await db().assessments.get(id);
    if (assessment?.status === 'signed') throw new StorageError('readOnly');
    await db().assessments.update(id, { questionnaireVersion: version, updated: now.toISOString() });
  });
}
