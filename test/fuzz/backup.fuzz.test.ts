import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyEvidence } from '../../src/backup/evidence';
import { parseImport, restoreImport } from '../../src/backup/restore';
import { applyImport, planImport } from '../../src/storage/backup';
import { StorageError } from '../../src/storage/errors';
import { createAssessment, db, saveAnswers, selectDatabase } from '../../src/storage/repository';
import { readJson } from '../helpers';

const BACKUP = readJson('test/fixtures/backups/v1-backup.json') as Record<string, unknown>;

function paths(node: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof node !== 'object' || node === null) return [prefix];
  const entries = Array.isArray(node) ? node.map((v, i) => [i, v] as const) : Object.entries(node);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}
const allPaths = paths(BACKUP);

function mutate(path: (string | number)[], kind: number, value: unknown): unknown {
  const copy = structuredClone(BACKUP) as Record<string | number, unknown>;
  if (path.length === 0) return value;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (kind === 0) delete parent[last];
  else if (kind === 1 && Array.isArray(parent)) parent.push(structuredClone(parent[last as number]));
  else parent[last] = value;
  return copy;
}

function expectLocated(result: ReturnType<typeof restoreImport>) {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.pointer).toBe('string');
    expect(typeof error.code).toBe('string');
  }
}

describe('fuzzing the backup importer', () => {
  it('answers arbitrary JSON and text with a result or located errors, never an exception', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (data) => expectLocated(restoreImport(data))),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => expectLocated(parseImport(text))),
      { numRuns: 2000 },
    );
  });

  it('answers every mutation of a valid backup with a result or located errors', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allPaths),
        fc.integer({ min: 0, max: 2 }),
        fc.jsonValue({ maxDepth: 3 }),
        (path, kind, value) => expectLocated(restoreImport(mutate(path, kind, value))),
      ),
      { numRuns: 4000 },
    );
  });

  describe('writing what it accepts', () => {
    let storedAnswers: string;
    beforeAll(async () => {
      selectDatabase(`fuzz-backup-${crypto.randomUUID()}`);
      const kept = await createAssessment({
        questionnaireId: 'ai-literacy-prohibited',
        questionnaireVersion: '1.0.0',
        title: 'Already stored',
        organisation: '',
        aiSystem: '',
        assessor: '',
      });
      await saveAnswers([{ assessmentId: kept.id, questionId: 'q', value: 'conform', comment: 'keep me' }]);
      storedAnswers = JSON.stringify(await db().answers.where('assessmentId').equals(kept.id).toArray());
    });

    it('never corrupts stored data, whatever it is asked to import', async () => {
      let attempted = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...allPaths),
          fc.integer({ min: 0, max: 2 }),
          fc.jsonValue({ maxDepth: 2 }),
          fc.constantFrom('keepBoth', 'replace', 'skip'),
          async (path, kind, value, decision) => {
            const restored = restoreImport(mutate(path, kind, value));
            if (!restored.ok) return;
            const verified = await verifyEvidence(restored.value);
            if (!verified.ok) return;
            const plan = await planImport(verified.value, restored.value.scope);
            attempted += 1;
            const decisions = new Map(
              plan.items.map((item) => [item.entry.assessment.id, decision as 'keepBoth' | 'replace' | 'skip']),
            );
            try {
              // A refusal (replace only when newer) is an outcome, not an exception.
              await applyImport(plan, decisions, { copySuffix: ' (imported)' });
            } catch (error) {
              // A storage failure is possible; anything else is a bug.
              expect(error).toBeInstanceOf(StorageError);
            }
            const kept = (await db().assessments.toArray()).find((a) => a.title === 'Already stored');
            expect(kept).toBeDefined();
            expect(
              JSON.stringify(
                await db()
                  .answers.where('assessmentId')
                  .equals(kept?.id as string)
                  .toArray(),
              ),
            ).toBe(storedAnswers);
          },
        ),
        { numRuns: 1500 },
      );
      // Most mutations are refused before any write; enough must reach the database for this to mean something.
      expect(attempted).toBeGreaterThan(60);
    });
  });
});
