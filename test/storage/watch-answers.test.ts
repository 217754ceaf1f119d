import { beforeEach, describe, expect, it } from 'vitest';
import { deleteAssessment } from '../../src/storage/lifecycle';
import { type AnswersChange, saveAnswers, watchAnswers } from '../../src/storage/repository';
import { freshDatabase, seedAssessment } from '../fixtures/seed';

beforeEach(() => freshDatabase('watch-answers'));

/** Follows one assessment and hands each change to the test as it arrives. */
function follow(assessmentId: string) {
  const changes: AnswersChange[] = [];
  const waiting: ((change: AnswersChange) => void)[] = [];
  const stop = watchAnswers(
    assessmentId,
    (change) => {
      const next = waiting.shift();
      if (next) next(change);
      else changes.push(change);
    },
    (error) => {
      throw error;
    },
  );
  const next = () =>
    new Promise<AnswersChange>((resolve) => {
      const queued = changes.shift();
      if (queued) resolve(queued);
      else waiting.push(resolve);
    });
  return { next, stop, pending: () => changes.length };
}

describe('following the answers of one assessment', () => {
  it('reads them all first, then only the answer a write changed', async () => {
    const { id } = await seedAssessment({ answers: { 'risk-system': 'conform', 'data-quality': 'partial' } });
    const watched = follow(id);
    const first = await watched.next();
    expect(first.kind).toBe('all');
    expect(first.kind === 'all' && first.answers.map((a) => a.questionId).sort()).toEqual([
      'data-quality',
      'risk-system',
    ]);

    await saveAnswers([{ assessmentId: id, questionId: 'risk-system', comment: 'Board review, May.' }]);
    const second = await watched.next();
    expect(second).toMatchObject({ kind: 'some', removed: [] });
    expect(second.kind === 'some' && second.changed).toEqual([
      expect.objectContaining({ questionId: 'risk-system', value: 'conform', comment: 'Board review, May.' }),
    ]);
    watched.stop();
  });

  it('ignores writes to other assessments, and reports the answers a deletion removed', async () => {
    const mine = await seedAssessment({ answers: { 'risk-system': 'conform' } });
    const other = await seedAssessment({ answers: { 'risk-system': 'notConform' } });
    const watched = follow(mine.id);
    await watched.next();

    await saveAnswers([{ assessmentId: other.id, questionId: 'risk-system', value: 'partial' }]);
    await deleteAssessment(mine.id);
    // The other assessment's write came first and was not reported: the next change is the deletion.
    expect(await watched.next()).toEqual({ kind: 'some', changed: [], removed: ['risk-system'] });
    expect(watched.pending()).toBe(0);
    watched.stop();
  });

  it('reports nothing once stopped', async () => {
    const { id } = await seedAssessment({ answers: { 'risk-system': 'conform' } });
    const watched = follow(id);
    await watched.next();
    watched.stop();
    await saveAnswers([{ assessmentId: id, questionId: 'risk-system', value: 'partial' }]);
    const after = follow(id);
    await after.next();
    expect(watched.pending()).toBe(0);
    after.stop();
  });
});
