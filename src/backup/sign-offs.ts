import { sha256Hex } from '../engine/canonical';
import { verifySignOff } from '../engine/sign-off-signature';
import { signedContent } from '../engine/signed-content';
import type { VerifiedEntry } from './evidence';

/** An assessment whose sign-off did not hold on import: it came in as not signed off, with its answers intact. */
export interface UnsignedOnImport {
  id: string;
  title: string;
  /** The answers or details differ from what was signed, or the declaration no longer matches its signature. */
  reason: 'contentChanged' | 'signatureInvalid';
}

/**
 * A content hash proves that the content is unchanged since the hash was computed, nothing more: a file whose
 * answers were edited after signing, or whose sign-off was written by hand, fails it. Such an assessment is imported
 * with everything it holds but without the sign-off, and the user is told which one; it never shows as signed.
 */
export async function checkSignOffs(
  entries: readonly VerifiedEntry[],
): Promise<{ entries: VerifiedEntry[]; unsigned: UnsignedOnImport[] }> {
  const checked: VerifiedEntry[] = [];
  const unsigned: UnsignedOnImport[] = [];
  for (const entry of entries) {
    const { assessment } = entry;
    if (!assessment.signOff && assessment.status !== 'signed') {
      checked.push(entry);
      continue;
    }
    const hash = await sha256Hex(signedContent({ assessment, answers: entry.answers }));
    const { signOff } = assessment;
    const holds = signOff !== undefined && assessment.status === 'signed' && signOff.contentHash === hash;
    // A sign-off made before keys existed has no signature: its content hash alone is checked, as it always was.
    const signature = holds ? await verifySignOff(signOff) : undefined;
    if (holds && signature !== 'invalid') {
      checked.push(entry);
      continue;
    }
    const { signOff: _refused, ...rest } = assessment;
    checked.push({ ...entry, assessment: { ...rest, status: entry.answers.length > 0 ? 'inProgress' : 'draft' } });
    unsigned.push({
      id: assessment.id,
      title: assessment.title,
      reason: signature === 'invalid' ? 'signatureInvalid' : 'contentChanged',
    });
  }
  return { entries: checked, unsigned };
}
