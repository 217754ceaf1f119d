import { canonicalJson } from '../engine/canonical';
import type { BackupAnswer, BackupEntry, BackupEvidenceMeta } from './format';
import { backupEvidenceMeta } from './records';

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * A comparable text of what an import carries, so importing the same file twice is recognised as "already
 * present". `answers` scope (the assessment attached to a report) compares the assessment's details and its answers
 * only: such a file has no history and no evidence files, and says nothing of revisions, archiving or sign-off.
 */
export function contentKey(entry: BackupEntry<BackupEvidenceMeta>, scope: 'full' | 'answers'): string {
  const answers = [...entry.answers].sort(byKey((a: BackupAnswer) => a.questionId));
  if (scope === 'answers') {
    const { revision: _r, previousId: _p, archived: _a, signOff: _s, ...details } = entry.assessment;
    return canonicalJson({ assessment: details, answers: answers.map(({ carriedOver: _c, ...answer }) => answer) });
  }
  const evidence = entry.evidence.map(backupEvidenceMeta).sort(byKey((file) => file.id));
  return canonicalJson({ assessment: entry.assessment, answers, history: entry.history, evidence });
}

/** Is `imported` later than `existing`? Timestamps may carry offsets, so compare instants, not text. */
export function isLater(imported: string, existing: string): boolean {
  return Date.parse(imported) > Date.parse(existing);
}
