import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, parseQuestionnaire } from '../../src/engine/load';
import { computeVisibility, overallProgress } from '../../src/engine/progress';
import { readJson } from '../helpers';

const VALID = readJson('test/fixtures/questionnaires/all-types.json') as Record<string, unknown>;

/** Paths to every node of a JSON value, as lists of keys. */
function paths(node: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof node !== 'object' || node === null) return [prefix];
  const entries = Array.isArray(node) ? node.map((v, i) => [i, v] as const) : Object.entries(node);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function mutate(base: unknown, path: (string | number)[], kind: number, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  if (path.length === 0) return value;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (kind === 0) delete parent[last];
  else if (kind === 1) parent[last] = value;
  else if (kind === 2 && Array.isArray(parent)) parent.push(structuredClone(parent[last as number]));
  else parent[last] = JSON.parse(JSON.stringify(value ?? null));
  return copy;
}

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

const allPaths = paths(VALID);
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
        fc.integer({ min: 0, max: 3 }),
        fc.jsonValue({ maxDepth: 3 }),
        (path, kind, value) => checkOutcome(mutate(VALID, path, kind, value)),
      ),
      {
        numRuns: 4000,
        // Regression seeds: failures found and fixed, kept so they never come back.
        examples: [
          // 2026-11-29: 2,000 nested "not" overflowed ajv's recursive validator (now refused as too deep).
          [
            ['sections', 1, 'questions', 0],
            1,
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
          const text = JSON.stringify(mutate(VALID, [...path, 'HOSTILE_KEY'], 1, { polluted: true }));
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
