import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, parseQuestionnaire } from '../../src/engine/load';
import type { ValidationError } from '../../src/engine/validation-error';
import { readJson } from '../helpers';

type Json = Record<string, any>;
const valid = () => structuredClone(readJson('test/fixtures/questionnaires/all-types.json')) as Json;

function errorsOf(data: unknown): Pick<ValidationError, 'pointer' | 'code' | 'params'>[] {
  const result = loadQuestionnaire(data);
  if (result.ok) return [];
  return result.errors.map(({ pointer, code, params }) => ({ pointer, code, params }));
}

describe('loading is validating', () => {
  it('accepts a valid questionnaire', () => {
    expect(loadQuestionnaire(valid()).ok).toBe(true);
  });

  it('reports a JSON syntax error without throwing', () => {
    const result = parseQuestionnaire('{ "id": ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.code).toBe('notJson');
  });

  it.each([null, 42, 'text', [], {}])('rejects %j with located errors', (data) => {
    const result = loadQuestionnaire(data);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.length).toBeGreaterThan(0);
  });

  it('names the missing language and where', () => {
    const q = valid();
    delete q.sections[0].questions[1].text.de;
    expect(errorsOf(q)).toContainEqual({
      pointer: '/sections/0/questions/1/text',
      code: 'missingTranslation',
      params: { language: 'de' },
    });
  });

  it('rejects a translation made of blanks', () => {
    const q = valid();
    q.sections[1].title.fr = '   ';
    expect(errorsOf(q)).toEqual([
      { pointer: '/sections/1/title/fr', code: 'blankTranslation', params: { language: 'fr' } },
    ]);
  });

  it('insists on the citation form of the AI Act', () => {
    const q = valid();
    q.sections[0].questions[0].references[0].ref = 'Article 3 para 3';
    expect(errorsOf(q)).toEqual([
      { pointer: '/sections/0/questions/0/references/0/ref', code: 'referenceFormat', params: {} },
    ]);
  });

  it('reports a broken condition once, not once per kind of condition', () => {
    const q = valid();
    q.sections[1].questions[1].visibleIf = { question: 'uses', contains: 'biometric' };
    expect(errorsOf(q)).toEqual([
      { pointer: '/sections/1/questions/1/visibleIf', code: 'invalidCondition', params: {} },
    ]);
  });

  it('reports an unknown property by name', () => {
    const q = valid();
    q.sections[0].questions[0].colour = 'red';
    expect(errorsOf(q)).toContainEqual({
      pointer: '/sections/0/questions/0/colour',
      code: 'unknownProperty',
      params: { property: 'colour' },
    });
  });

  it('finds duplicate ids across sections and questions', () => {
    const q = valid();
    q.sections[1].questions[0].id = 'facts';
    expect(errorsOf(q)).toEqual([
      { pointer: '/sections/1/questions/0/id', code: 'duplicateId', params: { id: 'facts' } },
    ]);
  });

  it('finds duplicate option values', () => {
    const q = valid();
    q.sections[0].questions[0].options[1].value = 'provider';
    expect(errorsOf(q)).toContainEqual({
      pointer: '/sections/0/questions/0/options/1/value',
      code: 'duplicateOption',
      params: { value: 'provider' },
    });
  });

  it('rejects conditions on unknown questions, later questions and themselves (no cycles)', () => {
    const q = valid();
    q.sections[0].questions[0].visibleIf = { question: 'risk-system', equals: 'conform' };
    q.sections[0].questions[1].visibleIf = { question: 'uses', includes: 'hr' };
    q.sections[0].questions[2].visibleIf = { question: 'ghost', answered: true };
    expect(errorsOf(q)).toEqual([
      {
        pointer: '/sections/0/questions/0/visibleIf/question',
        code: 'conditionNotEarlier',
        params: { question: 'risk-system' },
      },
      {
        pointer: '/sections/0/questions/1/visibleIf/question',
        code: 'conditionNotEarlier',
        params: { question: 'uses' },
      },
      {
        pointer: '/sections/0/questions/2/visibleIf/question',
        code: 'conditionUnknownQuestion',
        params: { question: 'ghost' },
      },
    ]);
  });

  it('rejects option values a question cannot have, and operators that do not fit its type', () => {
    const q = valid();
    q.sections[1].questions[0].visibleIf = { question: 'role', in: ['provider', 'importer'] };
    q.sections[1].questions[1].visibleIf = { question: 'role', includes: 'provider' };
    expect(errorsOf(q)).toEqual([
      {
        pointer: '/sections/1/questions/0/visibleIf',
        code: 'conditionUnknownOption',
        params: { question: 'role', value: 'importer' },
      },
      {
        pointer: '/sections/1/questions/1/visibleIf',
        code: 'conditionWrongType',
        params: { operator: 'includes', question: 'role', type: 'singleChoice' },
      },
    ]);
  });

  it('rejects properties that do not belong to the question type, and min above max', () => {
    const q = valid();
    q.sections[1].questions[0].unit = { en: 'x', fr: 'x', de: 'x' };
    q.sections[0].questions[2].min = 10;
    q.sections[0].questions[2].max = 1;
    expect(errorsOf(q)).toEqual([
      { pointer: '/sections/0/questions/2/min', code: 'minAboveMax', params: { min: 10, max: 1 } },
      {
        pointer: '/sections/1/questions/0/unit',
        code: 'propertyNotForType',
        params: { property: 'unit', type: 'conformity' },
      },
    ]);
  });

  it('checks outcome rules: known questions, choice details, unique ids', () => {
    const q = valid();
    q.outcomes[0].when = { question: 'nowhere', answered: true };
    q.outcomes[0].detailFrom = 'staff';
    q.outcomes[1].id = q.outcomes[0].id;
    expect(errorsOf(q)).toEqual([
      { pointer: '/outcomes/0/when/question', code: 'conditionUnknownQuestion', params: { question: 'nowhere' } },
      { pointer: '/outcomes/0/detailFrom', code: 'outcomeDetailNotChoice', params: { question: 'staff' } },
      { pointer: '/outcomes/1/id', code: 'duplicateOutcome', params: { id: 'biometric-high-risk' } },
    ]);
  });

  it('rejects hostile nesting with an error instead of overflowing the stack', () => {
    let condition: Json = { question: 'role', equals: 'provider' };
    for (let i = 0; i < 2000; i += 1) condition = { not: condition };
    const q = valid();
    q.sections[1].questions[0].visibleIf = condition;
    expect(errorsOf(q)).toEqual([
      {
        pointer: expect.stringMatching(/^\/sections\/1\/questions\/0\/visibleIf(\/not)+$/),
        code: 'tooDeep',
        params: { max: 64 },
      },
    ]);
  });
});
