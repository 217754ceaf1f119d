import { describe, expect, it } from 'vitest';
import { loadBuiltInQuestionnaires } from '../../src/state/catalog';

describe('built-in catalogue', () => {
  it('loads every questionnaire shipped in questionnaires/, all valid', async () => {
    const entries = await loadBuiltInQuestionnaires();
    expect(entries.map((e) => [e.source, e.result.ok])).toEqual([
      ['ai-act-internal-control.json', true],
      ['ai-act-scoping.json', true],
      ['ai-literacy-prohibited.json', true],
      ['cybersecurity-ai.json', true],
      ['model-selection.json', true],
      ['risk-mitigation-lifecycle.json', true],
    ]);
  });

  it('lists a questionnaire that fails to load with its error, and keeps the others', async () => {
    const entries = await loadBuiltInQuestionnaires({
      '/q/good.json': async () => ({}),
      '/q/throws.json': async () => {
        throw new SyntaxError('Unexpected token } in JSON');
      },
    });
    expect(entries.map((e) => e.source)).toEqual(['good.json', 'throws.json']);
    expect(entries.every((e) => !e.result.ok)).toBe(true);
    const thrown = entries[1]?.result;
    expect(thrown && !thrown.ok && thrown.errors[0]).toMatchObject({
      code: 'notJson',
      params: { detail: 'Unexpected token } in JSON' },
    });
  });
});
