import { describe, expect, it } from 'vitest';
import { evaluateOutcomes } from '../../src/engine/outcomes';
import { computeVisibility } from '../../src/engine/progress';
import { answers, fixtureQuestionnaire } from '../helpers';

const questionnaire = fixtureQuestionnaire();
const outcomesFor = (values: Parameters<typeof answers>[0]) => {
  const given = answers(values);
  return evaluateOutcomes(questionnaire, given, computeVisibility(questionnaire, given));
};

describe('outcomes declared as data', () => {
  it('applies a rule, says which answers led to it and which options it names', () => {
    const [result, ...rest] = outcomesFor({ uses: ['hr', 'biometric'] });
    expect(rest).toEqual([]);
    expect(result?.outcome.id).toBe('biometric-high-risk');
    expect(result?.because.map((q) => q.id)).toEqual(['uses']);
    expect(result?.details.map((o) => o.value)).toEqual(['biometric', 'hr']);
  });

  it('falls back to the "otherwise" outcome when none of its categories applies', () => {
    const results = outcomesFor({ uses: ['none'] });
    expect(results.map((r) => r.outcome.id)).toEqual(['minimal']);
    expect(results[0]?.because).toEqual([]);
  });

  it('returns nothing for a questionnaire without outcomes', () => {
    const plain = { ...questionnaire, outcomes: undefined };
    expect(evaluateOutcomes(plain, answers({}), computeVisibility(plain, answers({})))).toEqual([]);
  });
});

describe('outcome reasons', () => {
  it('never cite a question left unanswered', () => {
    const questionnaireWithNot = {
      ...questionnaire,
      outcomes: [
        {
          id: 'provider-without-biometrics',
          category: 'obligation' as const,
          title: { en: 'x', fr: 'x', de: 'x' },
          description: { en: 'x', fr: 'x', de: 'x' },
          when: {
            all: [{ question: 'role', equals: 'provider' }, { not: { question: 'uses', includes: 'biometric' } }],
          },
        },
      ],
    };
    const given = answers({ role: 'provider' });
    const [result] = evaluateOutcomes(questionnaireWithNot, given, computeVisibility(questionnaireWithNot, given));
    expect(result?.because.map((q) => q.id)).toEqual(['role']);
  });
});
