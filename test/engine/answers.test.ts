import { describe, expect, it } from 'vitest';
import { applyPatch, justificationMissing, mergePatches, sameAnswer } from '../../src/engine/answers';
import type { Answer, Question } from '../../src/engine/types';

const NOW = '2026-12-03T10:00:00.000Z';
const answer: Answer = { questionId: 'q', value: 'conform', comment: 'policy', updated: '2026-01-01T00:00:00.000Z' };

describe('applyPatch', () => {
  it('changes only the fields a patch gives, and stamps the time of the change', () => {
    const next = applyPatch(answer, { assessmentId: 'a', questionId: 'q', justification: 'why', at: NOW }, 'later');
    expect(next).toEqual({ questionId: 'q', value: 'conform', comment: 'policy', justification: 'why', updated: NOW });
    expect(answer.justification).toBeUndefined();
  });

  it('clears the value with null, and makes a carried-over answer the assessment’s own', () => {
    const next = applyPatch({ ...answer, carriedOver: true }, { assessmentId: 'a', questionId: 'q', value: null }, NOW);
    expect(next).toEqual({ questionId: 'q', comment: 'policy', updated: NOW });
  });

  it('starts a new answer from nothing', () => {
    expect(applyPatch(undefined, { assessmentId: 'a', questionId: 'q', value: 3 }, NOW)).toEqual({
      questionId: 'q',
      value: 3,
      updated: NOW,
    });
  });
});

describe('mergePatches', () => {
  it('keeps every field, the later ones winning', () => {
    expect(
      mergePatches(
        { assessmentId: 'a', questionId: 'q', value: 'conform', comment: 'a', at: '1' },
        { assessmentId: 'a', questionId: 'q', comment: 'b', at: '2' },
      ),
    ).toEqual({ assessmentId: 'a', questionId: 'q', value: 'conform', comment: 'b', at: '2' });
  });
});

describe('sameAnswer and justificationMissing', () => {
  it('compares content and time, arrays by element', () => {
    const list: Answer = { questionId: 'q', value: ['a', 'b'], updated: NOW };
    expect(sameAnswer(list, { ...list, value: ['a', 'b'] })).toBe(true);
    expect(sameAnswer(list, { ...list, value: ['a'] })).toBe(false);
    expect(sameAnswer(list, { ...list, updated: 'other' })).toBe(false);
  });

  it('asks a "not applicable" conformity answer for a justification that is not blank', () => {
    const question = { id: 'q', type: 'conformity' } as Question;
    expect(justificationMissing(question, { questionId: 'q', value: 'notApplicable', updated: NOW })).toBe(true);
    expect(
      justificationMissing(question, { questionId: 'q', value: 'notApplicable', justification: '  ', updated: NOW }),
    ).toBe(true);
    expect(
      justificationMissing(question, { questionId: 'q', value: 'notApplicable', justification: 'no', updated: NOW }),
    ).toBe(false);
    expect(
      justificationMissing({ ...question, type: 'singleChoice' }, { questionId: 'q', value: 'x', updated: NOW }),
    ).toBe(false);
  });
});
