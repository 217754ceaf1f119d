import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, questionsInCondition, reasonsFor } from '../../src/engine/conditions';
import type { AnswerValue, Condition } from '../../src/engine/types';

const QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5'];
const VALUES = ['yes', 'no', 'a', 'b', 'conform', '', ' '];

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ question: fc.constantFrom(...QUESTIONS), equals: fc.oneof(fc.constantFrom(...VALUES), fc.integer()) }),
  fc.record({ question: fc.constantFrom(...QUESTIONS), in: fc.array(fc.constantFrom(...VALUES), { minLength: 1 }) }),
  fc.record({ question: fc.constantFrom(...QUESTIONS), includes: fc.constantFrom(...VALUES) }),
  fc.record({ question: fc.constantFrom(...QUESTIONS), answered: fc.boolean() }),
  fc.record({ question: fc.constantFrom(...QUESTIONS), atLeast: fc.double({ noNaN: false }) }),
  fc.record({ question: fc.constantFrom(...QUESTIONS), atMost: fc.integer() }),
);

const condition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 0, maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 0, maxLength: 4 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

const answerValue: fc.Arbitrary<AnswerValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...VALUES),
  fc.double(),
  fc.array(fc.constantFrom(...VALUES)),
);
const answers = fc.dictionary(fc.constantFrom(...QUESTIONS), answerValue);

describe('fuzzing the condition evaluator', () => {
  it('always returns a boolean, and "not" always negates', () => {
    fc.assert(
      fc.property(condition, answers, (c, values) => {
        const lookup = (id: string) => values[id];
        const result = evaluateCondition(c, lookup);
        expect(typeof result).toBe('boolean');
        expect(evaluateCondition({ not: c }, lookup)).toBe(!result);
      }),
      { numRuns: 5000 },
    );
  });

  it('explains a true condition only with questions it reads, and a false one with none', () => {
    fc.assert(
      fc.property(condition, answers, (c, values) => {
        const lookup = (id: string) => values[id];
        const reasons = reasonsFor(c, lookup);
        const read = new Set(questionsInCondition(c));
        expect(reasons.every((id) => read.has(id))).toBe(true);
        if (!evaluateCondition(c, lookup)) expect(reasons).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('does not depend on answers it does not read', () => {
    fc.assert(
      fc.property(condition, answers, answerValue, (c, values, noise) => {
        const read = new Set(questionsInCondition(c));
        const lookup = (id: string) => values[id];
        const noisy = (id: string) => (read.has(id) ? values[id] : noise);
        expect(evaluateCondition(c, noisy)).toBe(evaluateCondition(c, lookup));
      }),
      { numRuns: 2000 },
    );
  });
});
