import { base64ToBytes } from '../engine/base64';
import { sha256OfBytes } from '../engine/canonical';
import { type BackupError, type BackupResult, backupError } from './errors';
import type { BackupEntry, BackupEvidenceMeta, RestoredImport } from './format';

/** An evidence file decoded and proven to be the file its sha256 names. */
export interface VerifiedEvidence extends BackupEvidenceMeta {
  bytes: Uint8Array;
}

export type VerifiedEntry = BackupEntry<VerifiedEvidence>;

/**
 * Decodes every evidence file and checks it against its size and SHA-256, before anything is written: a file
 * damaged in transit or edited by hand is refused, with where it is and which file it is.
 */
export async function verifyEvidence(restored: RestoredImport): Promise<BackupResult<VerifiedEntry[]>> {
  const errors: BackupError[] = [];
  const entries: VerifiedEntry[] = [];
  for (const [i, entry] of restored.entries.entries()) {
    const evidence: VerifiedEvidence[] = [];
    for (const [j, file] of entry.evidence.entries()) {
      const pointer = `/assessments/${i}/evidence/${j}/data`;
      const { data, ...meta } = file;
      const bytes = base64ToBytes(data);
      if (!bytes) {
        errors.push(backupError(pointer, 'evidenceBase64', { name: file.name }));
        continue;
      }
      if (bytes.length !== file.size) {
        errors.push(backupError(pointer, 'evidenceSize', { name: file.name, size: file.size, actual: bytes.length }));
        continue;
      }
      if ((await sha256OfBytes(bytes)) !== file.sha256) {
        errors.push(backupError(pointer, 'evidenceHash', { name: file.name }));
        continue;
      }
      evidence.push({ ...meta, bytes });
    }
    entries.push({ ...entry, evidence });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: entries };
}
