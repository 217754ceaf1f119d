import { liveQuery, type Observable } from 'dexie';
import { sha256OfBytes } from '../engine/canonical';
import { type EvidenceRecord, MAX_EVIDENCE_BYTES } from '../engine/records';
import { guarded, StorageError } from './errors';
import { db } from './repository';

export { MAX_EVIDENCE_BYTES };

export type EvidenceInfo = Omit<EvidenceRecord, 'blob'>;

export async function sha256OfBlob(blob: Blob): Promise<string> {
  return sha256OfBytes(new Uint8Array(await blob.arrayBuffer()));
}

export type EvidenceChange = { added: EvidenceRecord } | { removed: EvidenceRecord };
const evidenceListeners = new Set<(change: EvidenceChange) => void>();

/** Calls back when this tab's user adds or removes a file: how a shared assessment's team learns of it. */
export function onEvidenceChanged(listener: (change: EvidenceChange) => void): () => void {
  evidenceListeners.add(listener);
  return () => evidenceListeners.delete(listener);
}

function tell(change: EvidenceChange): void {
  for (const listener of evidenceListeners) listener(change);
}

/** Stores a file as evidence for a question, with its SHA-256; refuses files over 25 MB before reading them. */
export function addEvidence(
  assessmentId: string,
  questionId: string,
  file: Blob & { name: string },
  now = new Date(),
): Promise<EvidenceInfo> {
  return guarded(async () => {
    if (file.size > MAX_EVIDENCE_BYTES) throw new StorageError('tooLarge');
    const assessment = await db().assessments.get(assessmentId);
    if (assessment?.status === 'signed') throw new StorageError('readOnly');
    const record: EvidenceRecord = {
      id: crypto.randomUUID(),
      assessmentId,
      questionId,
      name: file.name || 'file',
      type: file.type || 'application/octet-stream',
      size: file.size,
      sha256: await sha256OfBlob(file),
      added: now.toISOString(),
      blob: file.slice(0, file.size, file.type),
    };
    await db().evidence.add(record);
    tell({ added: record });
    const { blob: _blob, ...info } = record;
    return info;
  });
}

export function removeEvidence(id: string): Promise<void> {
  return guarded(async () => {
    const record = await db().evidence.get(id);
    if (!record) return;
    const assessment = await db().assessments.get(record.assessmentId);
    if (assessment?.status === 'signed') throw new StorageError('readOnly');
    await db().evidence.delete(id);
    tell({ removed: record });
  });
}

/**
 * A file the team shared, fetched from the server and checked against its SHA-256 by the caller; filed under this
 * device's assessment. A signed assessment takes nothing.
 */
export function storeTeamEvidence(record: EvidenceRecord): Promise<void> {
  return guarded(async () => {
    const assessment = await db().assessments.get(record.assessmentId);
    if (!assessment || assessment.status === 'signed') return;
    await db().evidence.put(record);
  });
}

export function removeTeamEvidence(id: string): Promise<void> {
  return guarded(async () => {
    const record = await db().evidence.get(id);
    if (!record) return;
    const assessment = await db().assessments.get(record.assessmentId);
    if (assessment?.status !== 'signed') await db().evidence.delete(id);
  });
}

export function getEvidence(id: string): Promise<EvidenceRecord | undefined> {
  return guarded(() => db().evidence.get(id));
}

export function listEvidence(assessmentId: string): Promise<EvidenceRecord[]> {
  return guarded(() => db().evidence.where('assessmentId').equals(assessmentId).toArray());
}

/** The files of one assessment, without their content, live. */
export function watchEvidence(assessmentId: string): Observable<EvidenceInfo[]> {
  return liveQuery(async () =>
    (await db().evidence.where('assessmentId').equals(assessmentId).sortBy('added')).map(
      ({ blob: _blob, ...info }) => info,
    ),
  );
}
