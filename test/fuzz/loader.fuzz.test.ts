import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, parseQuestionnaire } from '../../src/engine/load';
import { computeVisibility, overallProgress } from '../../src/engine/progress';
import { jsonPaths, MUTATIONS, mutateAt } from '../fixtures/json-mutations';
import { readJson } from '../helpers';

const VALID = readJson('test/fixtures/questionnaires/all-types.json') as Record<string, unknown>;

/** Whatever comes in, the loader answers with a questionnaire the engine can use, or with located errors. */
function checkOutcome(data: unknown) {
  const result = loadQuestionnaire(data);
  if (result.ok) {
    const visibility = computeVisibility(result.questionnaire, new Map());
    expect(overallProgress(result.questionnaire, new Map(), visibility).answered).toBe(0);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(typeof error.pointer).toBe('string');
      expect(error.pointer === '' || error.pointer.startsWith('/')).toBe(true);
      expect(typeof error.code).toBe('string');
    }
  }
}

const allPaths = jsonPaths(VALID);
const objectPaths = allPaths.filter((path) => {
  let node: unknown = VALID;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return typeof node === 'object' && node !== null && !Array.isArray(node);
});

describe('fuzzing the questionnaire loader', () => {
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (data) => checkOutcome(data)),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = parseQuestionnaire(text);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts or locates every mutation of a valid questionnaire', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allPaths),
        fc.constantFrom(...MUTATIONS),
        fc.jsonValue({ maxDepth: 3 }),
        (path, mutation, value) => checkOutcome(mutateAt(VALID, path, mutation, value)),
      ),
      {
        numRuns: 4000,
        // Regression seeds: failures found and fixed, kept so they never come back.
        examples: [
          // 2026-11-29: 2,000 nested "not" overflowed ajv's recursive validator (now refused as too deep).
          [
            ['sections', 1, 'questions', 0],
            'replace',
            JSON.parse(`${'{"not":'.repeat(2000)}{"question":"role","answered":true}${'}'.repeat(2000)}`),
          ],
        ],
      },
    );
  });

  it('never lets __proto__ or constructor keys reach other objects', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        fc.constantFrom(...objectPaths),
        (key, path) => {
          // JSON.parse makes "__proto__" an own key, as a hostile file would: inject it through the text.
          const text = JSON.stringify(mutateAt(VALID, [...path, 'HOSTILE_KEY'], 'replace', { polluted: true }));
          const hostile = JSON.parse(text.replace('"HOSTILE_KEY"', `"${key}"`));
          checkOutcome(hostile);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.prototype).not.toHaveProperty('polluted');
        },
      ),
      { numRuns: 500 },
    );
  });
});
