import type { BackupAnswer, BackupEntry, BackupEvidenceMeta } from './backup-format';
import { canonicalJson } from './canonical';

function byQuestion(a: BackupAnswer, b: BackupAnswer): number {
  return a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0;
}

function answerCore({ questionId, value, justification, comment, updated }: BackupAnswer) {
  return { questionId, value, justification, comment, updated };
}

/**
 * A comparable text of what an import carries, so importing the same file twice is recognised as "already
 * present". `answers` scope (the assessment attached to a report) compares the assessment and its answers only,
 * since such a file has no history and no evidence files.
 */
export function contentKey(entry: BackupEntry<BackupEvidenceMeta>, scope: 'full' | 'answers'): string {
  const answers = [...entry.answers].sort(byQuestion);
  if (scope === 'answers') {
    const {
      id,
      questionnaireId,
      questionnaireVersion,
      title,
      organisation,
      aiSystem,
      assessor,
      status,
      created,
      updated,
    } = entry.assessment;
    return canonicalJson({
      assessment: {
        id,
        questionnaireId,
        questionnaireVersion,
        title,
        organisation,
        aiSystem,
        assessor,
        status,
        created,
        updated,
      },
      answers: answers.map(answerCore),
    });
  }
  const evidence = entry.evidence
    .map(({ id, questionId, name, type, size, sha256, added }) => ({ id, questionId, name, type, size, sha256, added }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return canonicalJson({ assessment: entry.assessment, answers, history: entry.history, evidence });
}

/** Is `imported` later than `existing`? Timestamps may carry offsets, so compare instants, not text. */
export function isLater(imported: string, existing: string): boolean {
  return Date.parse(imported) > Date.parse(existing);
}
