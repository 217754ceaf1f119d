import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../src/engine/load';
import { evaluateOutcomes } from '../src/engine/outcomes';
import { computeVisibility } from '../src/engine/progress';
import type { AnswerValue, Questionnaire } from '../src/engine/types';
import { answers, readJson } from './helpers';

const result = loadQuestionnaire(readJson('questionnaires/ai-act-scoping.json'));
const scoping = (result.ok ? result.questionnaire : undefined) as Questionnaire;
const questions = scoping.sections.flatMap((s) => s.questions);
const refs = questions.flatMap((q) => q.references.filter((r) => r.source === 'AI Act').map((r) => r.ref));
const cites = (p: string) => refs.some((r) => r === p || r.startsWith(`${p}(`) || r.startsWith(`${p},`));

/** An AI system, placed on the EU market, with no exclusion: the common starting point. */
const IN_SCOPE: Record<string, AnswerValue> = {
  subject: 'system',
  'def-machine-based': 'yes',
  'def-autonomy': 'yes',
  'def-adaptiveness': 'no',
  'def-inference': 'yes',
  'def-outputs': 'yes',
  'foundation-model': 'no',
  role: ['provider'],
  'eu-nexus': 'yes',
  'art2-exclusions': ['none'],
  'excl-foss': 'no',
};

function outcomesOf(values: Record<string, AnswerValue>) {
  const given = answers(values);
  return evaluateOutcomes(scoping, given, computeVisibility(scoping, given));
}
const ids = (values: Record<string, AnswerValue>) => outcomesOf(values).map((r) => r.outcome.id);

describe('ai-act-scoping content', () => {
  it('validates and has at least 30 questions', () => {
    expect(result.ok).toBe(true);
    expect(questions.length).toBeGreaterThanOrEqual(30);
  });

  it('cites every provision the scoping must cover', () => {
    const provisions = [
      'Art. 3(1)',
      'Art. 25',
      ...'abcdefgh'.split('').map((x) => `Art. 5(1)(${x})`),
      'Art. 6(1)',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Annex III(${n})`),
      ...'abcd'.split('').map((x) => `Art. 6(3)(${x})`),
      ...[1, 2, 3, 4].map((n) => `Art. 50(${n})`),
      'Art. 51',
      'Art. 53',
      'Art. 55',
      'Art. 4',
      'Art. 26',
      'Art. 27',
    ];
    expect(provisions.filter((p) => !cites(p))).toEqual([]);
  });

  it('declares outcomes of every category, application dates with sources, and existing questionnaires to follow', () => {
    const outcomes = scoping.outcomes ?? [];
    const categories = new Set(outcomes.map((o) => o.category));
    for (const c of [
      'notInScope',
      'prohibited',
      'highRisk',
      'transparency',
      'gpai',
      'gpaiSystemicRisk',
      'minimalRisk',
    ]) {
      expect(categories, c).toContain(c);
    }
    const recommended = new Set(outcomes.flatMap((o) => o.recommends ?? []));
    for (const id of recommended) expect(loadQuestionnaire(readJson(`questionnaires/${id}.json`)).ok, id).toBe(true);
    for (const id of ['ai-act-internal-control', 'risk-mitigation-lifecycle', 'model-selection', 'cybersecurity-ai']) {
      expect(recommended, id).toContain(id);
    }
    const dated = outcomes.filter((o) => o.category === 'highRisk' || o.category === 'prohibited');
    expect(dated.every((o) => (o.applies ?? []).length > 0)).toBe(true);
    expect(outcomes.some((o) => o.applies?.some((a) => a.amendedBy))).toBe(true);
    expect(scoping.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('ai-act-scoping outcomes, computed from the answers', () => {
  it('a CV-screening tool of a provider is high-risk under Annex III(4)(a), with the provider duties', () => {
    const results = outcomesOf({ ...IN_SCOPE, 'annex3-areas': ['area-4'], 'annex3-4-employment': ['4a-recruitment'] });
    const highRisk = results.find((r) => r.outcome.id === 'high-risk-annex-iii-4');
    expect(highRisk?.details.map((d) => d.value)).toEqual(['4a-recruitment']);
    expect(highRisk?.because.map((q) => q.id)).toContain('annex3-4-employment');
    expect(results.map((r) => r.outcome.id)).toContain('high-risk-provider-obligations');
    expect(results.flatMap((r) => r.outcome.recommends ?? [])).toContain('ai-act-internal-control');
    expect(results.map((r) => r.outcome.id)).not.toContain('minimal-risk');
  });

  it('the Art. 6(3) derogation lifts high risk, unless the system profiles people', () => {
    const derogation = {
      ...IN_SCOPE,
      'annex3-areas': ['area-4'],
      'annex3-4-employment': ['4a-recruitment'],
      'art6-3a-narrow-procedural': 'yes',
      'art6-3-no-significant-risk': 'yes',
      'art6-3-profiling': 'no',
    };
    expect(ids(derogation)).toContain('art6-3-derogation');
    expect(ids(derogation)).not.toContain('high-risk-annex-iii-4');
    expect(ids({ ...derogation, 'art6-3-profiling': 'yes' })).toContain('high-risk-annex-iii-4');
  });

  it('a prohibited practice is named as such', () => {
    expect(ids({ ...IN_SCOPE, 'art5-1c-social-scoring': 'yes' })).toContain('prohibited-art5-1c');
  });

  it('a chatbot has transparency duties and is not "minimal risk"', () => {
    const result = ids({ ...IN_SCOPE, 'art50-1-interaction': 'yes' });
    expect(result).toContain('transparency-interaction');
    expect(result).not.toContain('minimal-risk');
  });

  it('a system with none of these is minimal risk, and something that is not an AI system is out of scope', () => {
    expect(ids(IN_SCOPE)).toContain('minimal-risk');
    const notAi = ids({
      ...IN_SCOPE,
      'def-inference': 'no',
      'annex3-areas': ['area-4'],
      'annex3-4-employment': ['4a-recruitment'],
    });
    expect(notAi).toContain('not-ai-system');
    expect(notAi.filter((id) => id.startsWith('high-risk'))).toEqual([]);
  });
});
