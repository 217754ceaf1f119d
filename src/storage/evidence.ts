import { liveQuery, type Observable } from 'dexie';
import { sha256OfBytes } from '../engine/canonical';
import { type EvidenceRecord, MAX_EVIDENCE_BYTES } from '../engine/records';
import { guarded, StorageError } from './errors';
import { db } from './repository';

export { MAX_EVIDENCE_BYTES };

export type EvidenceInfo = Omit<EvidenceRecord, 'blob'>;

async function sha256OfBlob(blob: Blob): Promise<string> {
  return sha256OfBytes(new Uint8Array(await blob.arrayBuffer()));
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
