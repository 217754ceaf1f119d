import { sha256Hex } from '../engine/canonical';
import { signedContent } from '../engine/signed-content';
import type { VerifiedEntry } from './evidence';

/** An assessment whose sign-off did not hold on import: it came in as not signed off, with its answers intact. */
export interface UnsignedOnImport {
  id: string;
  title: string;
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
    if (assessment.signOff && assessment.status === 'signed' && assessment.signOff.contentHash === hash) {
      checked.push(entry);
      continue;
    }
    const { signOff: _refused, ...rest } = assessment;
    checked.push({ ...entry, assessment: { ...rest, status: entry.answers.length > 0 ? 'inProgress' : 'draft' } });
    unsigned.push({ id: assessment.id, title: assessment.title });
  }
  return { entries: checked, unsigned };
}
