import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../src/engine/load';
import { ROOT, readJson } from './helpers';

const files = readdirSync(join(ROOT, 'questionnaires')).filter((f) => f.endsWith('.json'));

describe('built-in questionnaires', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(files)('%s', (file) => {
    const result = loadQuestionnaire(readJson(`questionnaires/${file}`));
    const questionnaire = result.ok ? result.questionnaire : undefined;
    const questions = questionnaire?.sections.flatMap((s) => s.questions) ?? [];

    it('validates', () => {
      expect(result.ok ? [] : result.errors).toEqual([]);
    });

    it('is named after its id', () => {
      expect(file).toBe(`${questionnaire?.id}.json`);
    });

    it('cites at least one reference, gives help and expected evidence for every question', () => {
      expect(questions.filter((q) => q.references.length === 0).map((q) => q.id)).toEqual([]);
      expect(questions.filter((q) => !q.help).map((q) => q.id)).toEqual([]);
      expect(questions.filter((q) => !q.evidence).map((q) => q.id)).toEqual([]);
    });

    it('says different things in its three languages, not copies', () => {
      const copies = questions.filter(
        (q) => q.text.en === q.text.fr || q.text.en === q.text.de || q.text.fr === q.text.de,
      );
      expect(copies.map((q) => q.id)).toEqual([]);
    });
  });
});

describe('the day-one questionnaire', () => {
  const result = loadQuestionnaire(readJson('questionnaires/ai-literacy-prohibited.json'));
  const questions = result.ok ? result.questionnaire.sections.flatMap((s) => s.questions) : [];
  const refs = questions.flatMap((q) => q.references.filter((r) => r.source === 'AI Act').map((r) => r.ref));

  it('has 15 to 25 questions, some conditional, and every question type', () => {
    expect(questions.length).toBeGreaterThanOrEqual(15);
    expect(questions.length).toBeLessThanOrEqual(25);
    expect(questions.some((q) => q.visibleIf)).toBe(true);
    expect(new Set(questions.map((q) => q.type))).toEqual(
      new Set(['conformity', 'singleChoice', 'multipleChoice', 'shortText', 'longText', 'number', 'date']),
    );
  });

  it('covers Art. 4 and each prohibited practice of Art. 5(1)(a)-(h)', () => {
    for (const ref of ['Art. 4', ...'abcdefgh'.split('').map((p) => `Art. 5(1)(${p})`)]) {
      expect(
        refs.some((r) => r === ref || r.startsWith(`${ref}(`)),
        ref,
      ).toBe(true);
    }
  });
});

describe('docs/questionnaire-format.md', () => {
  it('holds a complete example that validates', () => {
    const doc = readFileSync(join(ROOT, 'docs/questionnaire-format.md'), 'utf8');
    const example = doc.match(/```json\n([\s\S]*?)\n```/)?.[1] ?? '';
    const result = loadQuestionnaire(JSON.parse(example));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(JSON.parse(example)).toEqual(readJson('test/fixtures/questionnaires/all-types.json'));
  });
});
