import { describe, expect, it } from 'vitest';
import { describeCondition } from '../../src/engine/describe-condition';
import { hiddenRuns } from '../../src/engine/hidden-questions';
import { questionNumbers } from '../../src/engine/numbering';
import { computeVisibility } from '../../src/engine/progress';
import type { Questionnaire } from '../../src/engine/types';
import { answers, fixtureQuestionnaire } from '../helpers';

const questionnaire = fixtureQuestionnaire();
const questions = new Map(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
const numbers = questionNumbers(questionnaire);
const requirements = questionnaire.sections[1];
if (!requirements) throw new Error('the fixture has no second section');

/** Shows the keys and values it is given, so the words can be checked without a translation. */
const t = (key: string, values: Record<string, string | number> = {}) =>
  key === 'condition.and' ? ' & ' : `${key.replace('condition.', '')}(${Object.values(values).join(', ')})`;

describe('hidden questions', () => {
  it('groups hidden neighbours by their condition, keyed by the first of each run', () => {
    const given = answers({ role: 'deployer', uses: ['none'] });
    const runs = hiddenRuns(requirements, computeVisibility(questionnaire, given));
    expect([...runs.keys()]).toEqual(['biometric-logs', 'data-governance']);
    expect(runs.get('biometric-logs')?.questions.map((q) => q.id)).toEqual(['biometric-logs']);

    const twins: Questionnaire = structuredClone(questionnaire);
    const section = twins.sections[1];
    const [risk, logs] = section?.questions ?? [];
    if (!section || !risk || !logs) throw new Error('fixture changed');
    section.questions = [risk, logs, { ...structuredClone(logs), id: 'biometric-retention' }];
    const twinRuns = hiddenRuns(section, computeVisibility(twins, given));
    expect(twinRuns.get('biometric-logs')?.questions.map((q) => q.id)).toEqual([
      'biometric-logs',
      'biometric-retention',
    ]);
  });

  it('has nothing to say when every question is shown', () => {
    const given = answers({ role: 'provider', uses: ['biometric'] });
    expect(hiddenRuns(requirements, computeVisibility(questionnaire, given)).size).toBe(0);
  });

  it('says which earlier answers a condition reads, naming them as the caller wants and values by their labels', () => {
    const governance = questions.get('data-governance')?.visibleIf;
    if (!governance) throw new Error('fixture changed');
    const words = { questions, language: 'en' as const, t, name: (id: string) => `#${numbers.get(id)}` };
    expect(describeCondition(governance, words)).toBe('equals(#1.1, “Provider”) & not(includes(#1.2, “None”))');
    expect(describeCondition(governance, { ...words, language: 'fr', quote: (text) => `« ${text} »` })).toBe(
      'equals(#1.1, « Fournisseur ») & not(includes(#1.2, « Aucun »))',
    );
  });
});
