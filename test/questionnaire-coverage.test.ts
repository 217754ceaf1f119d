import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../src/engine/load';
import type { Question } from '../src/engine/types';
import { readJson } from './helpers';

function questionsOf(id: string): Question[] {
  const result = loadQuestionnaire(readJson(`questionnaires/${id}.json`));
  if (!result.ok) throw new Error(`${id} does not validate`);
  return result.questionnaire.sections.flatMap((s) => s.questions);
}

const range = (from: string, to: string) =>
  Array.from({ length: to.charCodeAt(0) - from.charCodeAt(0) + 1 }, (_, i) =>
    String.fromCharCode(from.charCodeAt(0) + i),
  );
const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii'];

/** A provision is cited by a reference to it or to one of its points ("Art. 9(2)" by "Art. 9(2)(a)"). */
function uncited(questions: Question[], provisions: string[], source = 'AI Act'): string[] {
  const refs = questions.flatMap((q) => [
    ...q.references.filter((r) => r.source === source).map((r) => r.ref),
    ...(q.crosswalk ?? []).filter((c) => c.framework === source).map((c) => c.id),
  ]);
  return provisions.filter(
    (p) => !refs.some((r) => r === p || r.startsWith(`${p}(`) || r.startsWith(`${p}:`) || r.startsWith(`${p},`)),
  );
}

describe('ai-act-internal-control cites every provision of Annex VI internal control', () => {
  const questions = questionsOf('ai-act-internal-control');
  const PROVISIONS = [
    'Art. 8',
    ...numbers(1, 9).map((p) => `Art. 9(${p})`),
    ...range('a', 'd').map((x) => `Art. 9(2)(${x})`),
    ...range('a', 'c').map((x) => `Art. 9(5)(${x})`),
    ...numbers(1, 6).map((p) => `Art. 10(${p})`),
    ...range('a', 'h').map((x) => `Art. 10(2)(${x})`),
    ...range('a', 'f').map((x) => `Art. 10(5)(${x})`),
    'Art. 11',
    ...numbers(1, 9).map((p) => `Annex IV(${p})`),
    ...range('a', 'h').map((x) => `Annex IV(1)(${x})`),
    ...range('a', 'h').map((x) => `Annex IV(2)(${x})`),
    ...numbers(1, 3).map((p) => `Art. 12(${p})`),
    ...numbers(1, 3).map((p) => `Art. 13(${p})`),
    ...range('a', 'f').map((x) => `Art. 13(3)(${x})`),
    ...ROMAN.map((r) => `Art. 13(3)(b)(${r})`),
    ...numbers(1, 5).map((p) => `Art. 14(${p})`),
    ...range('a', 'e').map((x) => `Art. 14(4)(${x})`),
    ...numbers(1, 5).map((p) => `Art. 15(${p})`),
    ...range('a', 'l').map((x) => `Art. 16(${x})`),
    ...range('a', 'm').map((x) => `Art. 17(1)(${x})`),
    'Art. 17(2)',
    'Art. 18',
    'Art. 19',
    'Art. 20',
    'Art. 43(2)',
    ...numbers(1, 4).map((p) => `Annex VI(${p})`),
    'Art. 47',
    ...numbers(1, 8).map((p) => `Annex V(${p})`),
    'Art. 48',
    'Art. 49(1)',
    'Art. 72',
    'Art. 73',
  ];

  it('has at least 100 questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(100);
  });

  it('leaves no provision of the list uncited', () => {
    expect(PROVISIONS.length).toBeGreaterThan(140);
    expect(uncited(questions, PROVISIONS)).toEqual([]);
  });
});

describe('cybersecurity-ai', () => {
  const questions = questionsOf('cybersecurity-ai');
  it('has at least 35 questions and covers Art. 15(4)-(5), Art. 12 and Art. 73', () => {
    expect(questions.length).toBeGreaterThanOrEqual(35);
    expect(uncited(questions, ['Art. 15(4)', 'Art. 15(5)', 'Art. 12', 'Art. 73'])).toEqual([]);
  });

  it('covers each of the OWASP Top 10 for LLM applications 2025', () => {
    const owasp = numbers(1, 10).map((n) => `LLM${String(n).padStart(2, '0')}:2025`);
    expect(uncited(questions, owasp, 'OWASP Top 10 for LLM Applications 2025')).toEqual([]);
  });

  it('cites ENISA’s framework for AI cybersecurity practices', () => {
    expect(uncited(questions, ['Layer I', 'Layer II', 'Layer III'], 'ENISA FAICP')).toEqual([]);
  });
});

describe('model-selection', () => {
  const questions = questionsOf('model-selection');
  it('has at least 40 questions and covers Art. 53(1)(c)-(d), Annex XII, Art. 55 and Annex XI', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(uncited(questions, ['Art. 53(1)(c)', 'Art. 53(1)(d)', 'Annex XII', 'Art. 55', 'Annex XI'])).toEqual([]);
  });
});

describe('risk-mitigation-lifecycle', () => {
  const result = loadQuestionnaire(readJson('questionnaires/risk-mitigation-lifecycle.json'));
  const sections = result.ok ? result.questionnaire.sections : [];
  const questions = sections.flatMap((s) => s.questions);

  it('has at least 50 questions over every lifecycle stage', () => {
    expect(questions.length).toBeGreaterThanOrEqual(50);
    const ids = sections.map((s) => s.id);
    for (const stage of [
      'design',
      'data',
      'development',
      'verification-validation',
      'deployment',
      'operation-monitoring',
      'retirement',
    ]) {
      expect(ids, stage).toContain(stage);
    }
  });

  it('crosswalks every requirement to NIST AI RMF 1.0 and to an ISO/IEC 42001 Annex A control', () => {
    const requirements = questions.filter((q) => q.type === 'conformity');
    const lacking = requirements.filter((q) => {
      const crosswalk = q.crosswalk ?? [];
      return (
        !crosswalk.some(
          (c) => c.framework === 'NIST AI RMF 1.0' && /^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/.test(c.id),
        ) || !crosswalk.some((c) => c.framework === 'ISO/IEC 42001' && /^A\.\d+(\.\d+)+$/.test(c.id))
      );
    });
    expect(requirements.length).toBeGreaterThan(40);
    expect(lacking.map((q) => q.id)).toEqual([]);
  });
});
