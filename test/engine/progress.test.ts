import { describe, expect, it } from 'vitest';
import {
  computeVisibility,
  isComplete,
  isRequired,
  listGaps,
  overallConformity,
  overallProgress,
  sectionConformity,
  sectionProgress,
} from '../../src/engine/progress';
import { answers, fixtureQuestionnaire } from '../helpers';

const questionnaire = fixtureQuestionnaire();
const [facts, requirements] = questionnaire.sections as [
  (typeof questionnaire.sections)[0],
  (typeof questionnaire.sections)[0],
];

describe('visibility', () => {
  it('shows a conditional question only when its condition holds', () => {
    expect(computeVisibility(questionnaire, answers({})).questions.has('biometric-logs')).toBe(false);
    expect(computeVisibility(questionnaire, answers({ uses: ['biometric'] })).questions.has('biometric-logs')).toBe(
      true,
    );
  });

  it('keeps the answer of a hidden question but does not count it', () => {
    const given = answers({ uses: ['none'], 'biometric-logs': 'nonConform', 'risk-system': 'conform' });
    const visibility = computeVisibility(questionnaire, given);
    expect(visibility.questions.has('biometric-logs')).toBe(false);
    expect(given.get('biometric-logs')?.value).toBe('nonConform');
    expect(listGaps(questionnaire, given, visibility)).toEqual([]);
    expect(sectionProgress(requirements, given, visibility)).toEqual({ total: 1, answered: 1, requiredMissing: 0 });
  });

  it('treats the answer of a hidden question as absent for later conditions', () => {
    const hiddenSection = {
      ...questionnaire,
      sections: [{ ...facts, visibleIf: { question: 'nothing-before', answered: true } as const }, requirements],
    };
    const given = answers({ role: 'provider', uses: ['hr'] });
    const visibility = computeVisibility(hiddenSection, given);
    expect(visibility.sections.has('facts')).toBe(false);
    expect(visibility.questions.has('data-governance')).toBe(false);
  });
});

describe('completeness and progress', () => {
  const risk = requirements.questions[0];

  it('needs a justification before "not applicable" counts as answered', () => {
    expect(risk && isComplete(risk, answers({ 'risk-system': 'notApplicable' }).get('risk-system'))).toBe(false);
    const justified = answers({
      'risk-system': { value: 'notApplicable', justification: 'No such risk: internal tool' },
    });
    expect(risk && isComplete(risk, justified.get('risk-system'))).toBe(true);
  });

  it('counts visible questions per section and overall, and required ones still missing', () => {
    const given = answers({ role: 'deployer', uses: ['hr'], 'system-name': 'Triage', staff: 4 });
    const visibility = computeVisibility(questionnaire, given);
    expect(sectionProgress(facts, given, visibility)).toEqual({ total: 6, answered: 4, requiredMissing: 2 });
    // data-governance is for providers only; biometric-logs for biometric uses only.
    expect(sectionProgress(requirements, given, visibility)).toEqual({ total: 1, answered: 0, requiredMissing: 1 });
    expect(overallProgress(questionnaire, given, visibility)).toEqual({ total: 7, answered: 4, requiredMissing: 3 });
  });

  it('takes a question as required unless it says "required": false', () => {
    const all = questionnaire.sections.flatMap((section) => section.questions);
    expect(all.filter((question) => !isRequired(question)).map((question) => question.id)).toEqual(['staff']);
    expect(all.filter(isRequired)).toHaveLength(all.length - 1);
  });

  it('does not count an optional unanswered question as missing', () => {
    const visibility = computeVisibility(questionnaire, answers({}));
    expect(sectionProgress(facts, answers({}), visibility).requiredMissing).toBe(5);
  });
});

describe('conformity', () => {
  it('scores conform 1, partial 0.5, not conform 0 with weights, and leaves out not applicable', () => {
    const given = answers({
      role: 'provider',
      uses: ['biometric'],
      'risk-system': 'conform',
      'biometric-logs': 'partial',
      'data-governance': { value: 'notApplicable', justification: 'n/a' },
    });
    const visibility = computeVisibility(questionnaire, given);
    // (1 × 2 + 0.5 × 1) / (2 + 1)
    expect(sectionConformity(requirements, given, visibility)).toEqual({ score: 2.5 / 3, counted: 2 });
    expect(overallConformity(questionnaire, given, visibility).score).toBeCloseTo(2.5 / 3);
  });

  it('has no score when nothing is assessed', () => {
    const visibility = computeVisibility(questionnaire, answers({}));
    expect(sectionConformity(requirements, answers({}), visibility)).toEqual({ score: null, counted: 0 });
  });

  it('lists gaps in questionnaire order, not conform and partial only', () => {
    const given = answers({
      role: 'provider',
      uses: ['biometric'],
      'data-governance': 'nonConform',
      'biometric-logs': 'partial',
      'risk-system': 'conform',
    });
    const gaps = listGaps(questionnaire, given, computeVisibility(questionnaire, given));
    expect(gaps.map((g) => [g.question.id, g.value])).toEqual([
      ['biometric-logs', 'partial'],
      ['data-governance', 'nonConform'],
    ]);
  });
});
