import { describe, expect, it } from 'vitest';
import { evaluateCondition, questionsInCondition, reasonsFor } from '../../src/engine/conditions';
import type { AnswerValue, Condition } from '../../src/engine/types';

const lookupOf = (values: Record<string, AnswerValue>) => (id: string) => values[id];

describe('evaluateCondition', () => {
  const values = lookupOf({ role: 'provider', uses: ['hr', 'biometric'], staff: 12, name: '  ' });

  it.each<[string, Condition, boolean]>([
    ['equals a chosen option', { question: 'role', equals: 'provider' }, true],
    ['equals another option', { question: 'role', equals: 'deployer' }, false],
    ['in a list', { question: 'role', in: ['deployer', 'provider'] }, true],
    ['includes a chosen option', { question: 'uses', includes: 'hr' }, true],
    ['includes an option not chosen', { question: 'uses', includes: 'none' }, false],
    ['atLeast at the bound', { question: 'staff', atLeast: 12 }, true],
    ['atMost below the value', { question: 'staff', atMost: 11 }, false],
    ['answered for blank text', { question: 'name', answered: true }, false],
    ['not answered for a missing answer', { question: 'missing', answered: false }, true],
    ['equals on a missing answer', { question: 'missing', equals: 'x' }, false],
    [
      'all of true and false',
      {
        all: [
          { question: 'role', equals: 'provider' },
          { question: 'staff', atLeast: 99 },
        ],
      },
      false,
    ],
    [
      'any of true and false',
      {
        any: [
          { question: 'role', equals: 'x' },
          { question: 'staff', atLeast: 1 },
        ],
      },
      true,
    ],
    ['not of false', { not: { question: 'role', equals: 'deployer' } }, true],
  ])('%s', (_name, condition, expected) => {
    expect(evaluateCondition(condition, values)).toBe(expected);
  });

  it('lists the questions a condition reads, nested', () => {
    const condition: Condition = {
      all: [
        { question: 'a', answered: true },
        {
          not: {
            any: [
              { question: 'b', equals: 'x' },
              { question: 'c', atLeast: 1 },
            ],
          },
        },
      ],
    };
    expect(questionsInCondition(condition)).toEqual(['a', 'b', 'c']);
  });

  it('explains a true condition by the answers that made it true, and a false one by nothing', () => {
    const lookup = lookupOf({ a: 'yes', b: 'no' });
    const condition: Condition = {
      any: [
        { question: 'a', equals: 'yes' },
        { question: 'b', equals: 'yes' },
      ],
    };
    expect(reasonsFor(condition, lookup)).toEqual(['a']);
    expect(reasonsFor({ question: 'b', equals: 'yes' }, lookup)).toEqual([]);
  });
});
