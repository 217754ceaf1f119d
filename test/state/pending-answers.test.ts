import { describe, expect, it } from 'vitest';
import { overlayPending, type PendingAnswer, pendingKey } from '../../src/state/pending-answers';
import { answers } from '../helpers';

const pending = (entries: [string, PendingAnswer['patch'], string][]) =>
  new Map(entries.map(([, patch, since]) => [pendingKey(patch.assessmentId, patch.questionId), { patch, since }]));

describe('answers shown before the database confirms them', () => {
  const stored = answers({ q1: { value: 'conform', comment: 'kept', updated: '2026-01-01T10:00:00.000Z' } });

  it('shows a newer change on top of the stored answer, keeping its other fields', () => {
    const view = overlayPending(
      stored,
      pending([['', { assessmentId: 'a', questionId: 'q1', value: 'partial' }, '2026-01-01T10:00:01.000Z']]),
      'a',
    );
    expect(view.get('q1')).toMatchObject({ value: 'partial', comment: 'kept' });
  });

  it('lets the stored answer win once it is at least as recent', () => {
    const view = overlayPending(
      stored,
      pending([['', { assessmentId: 'a', questionId: 'q1', value: 'partial' }, '2026-01-01T09:59:59.000Z']]),
      'a',
    );
    expect(view.get('q1')?.value).toBe('conform');
  });

  it('adds answers not stored yet, clears a value on null, and ignores other assessments', () => {
    const view = overlayPending(
      stored,
      pending([
        ['', { assessmentId: 'a', questionId: 'q2', value: ['x'] }, '2026-01-02T00:00:00.000Z'],
        ['', { assessmentId: 'a', questionId: 'q1', value: null }, '2026-01-02T00:00:00.000Z'],
        ['', { assessmentId: 'b', questionId: 'q3', value: 'no' }, '2026-01-02T00:00:00.000Z'],
      ]),
      'a',
    );
    expect(view.get('q2')?.value).toEqual(['x']);
    expect(view.get('q1') && 'value' in (view.get('q1') as object)).toBe(false);
    expect(view.has('q3')).toBe(false);
    expect(stored.get('q1')?.value).toBe('conform');
  });
});

describe('a write that starts late', () => {
  it('stores the time of the change, so a newer pending change keeps showing (regression: answers came back)', async () => {
    const { createAssessment, listAnswers, saveAnswers, selectDatabase } = await import('../../src/storage/repository');
    selectDatabase(`pending-${crypto.randomUUID()}`);
    const { id } = await createAssessment({
      questionnaireId: 'q',
      questionnaireVersion: '1.0.0',
      title: 't',
      organisation: '',
      aiSystem: '',
      assessor: '',
    });
    const older = { assessmentId: id, questionId: 'q1', value: 'partial', at: '2026-11-29T10:00:00.001Z' };
    const newer = { assessmentId: id, questionId: 'q1', value: 'nonConform', at: '2026-11-29T10:00:00.016Z' };
    // The older change reaches the database only after the newer one was made.
    await saveAnswers([older], new Date('2026-11-29T10:00:00.300Z'));
    const stored = new Map((await listAnswers(id)).map((a) => [a.questionId, a]));
    expect(stored.get('q1')?.updated).toBe(older.at);
    const view = overlayPending(stored, new Map([[pendingKey(id, 'q1'), { patch: newer, since: newer.at }]]), id);
    expect(view.get('q1')?.value).toBe('nonConform');
  });
});
