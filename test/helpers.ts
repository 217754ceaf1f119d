import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadQuestionnaire } from '../src/engine/load';
import type { Answer, AnswerValue, Questionnaire } from '../src/engine/types';

export const ROOT = join(import.meta.dirname, '..');

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

export function fixtureQuestionnaire(name = 'all-types'): Questionnaire {
  const result = loadQuestionnaire(readJson(`test/fixtures/questionnaires/${name}.json`));
  if (!result.ok) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(result.errors)}`);
  return result.questionnaire;
}

export function answers(values: Record<string, AnswerValue | Partial<Answer>>): Map<string, Answer> {
  return new Map(
    Object.entries(values).map(([questionId, v]) => {
      const answer: Answer =
        typeof v === 'object' && !Array.isArray(v)
          ? { questionId, updated: '2026-01-01T00:00:00.000Z', ...v }
          : { questionId, value: v, updated: '2026-01-01T00:00:00.000Z' };
      return [questionId, answer];
    }),
  );
}
