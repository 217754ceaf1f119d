import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../src/engine/types';
import { answers, fixtureQuestionnaire } from '../helpers';
import { readBack, report } from './report-helpers';

const LONG_TITLE =
  'Annex IV(3) to (9) and Article 11(2) – Further contents of the technical documentation, including the detailed ' +
  'description of the risk management system and of the changes made through its lifecycle';

function withSections(questionnaire: Questionnaire, titles: string[]): Questionnaire {
  const [first] = questionnaire.sections;
  if (!first) throw new Error('the fixture has no section');
  return {
    ...questionnaire,
    sections: titles.map((title, i) => ({
      ...first,
      id: `section-${i + 1}`,
      title: { en: title, fr: title, de: title },
      questions: first.questions.map((q) => ({ ...q, id: `${q.id}-${i + 1}`, visibleIf: undefined })),
    })),
  };
}

/** The contents page as one line of words: a wrapped entry reads as it was written. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the contents of the PDF report', () => {
  it('wraps a long section title over several lines, whole, with its page number after its last line', async () => {
    const questionnaire = withSections(fixtureQuestionnaire(), ['Facts', LONG_TITLE, 'Closing']);
    const pdf = readBack(await report(questionnaire, answers({})));
    const contents = pdf.pageText(2);
    expect(contents.split('\n').filter((line) => line.startsWith('2. Annex IV(3)')).length).toBe(1);
    const entry = flat(contents).match(/2\. (Annex IV\(3\).*?) (\d+) 3\. Closing/);
    expect(entry?.[1]).toBe(LONG_TITLE);
    const page = Number(entry?.[2]);
    expect(flat(pdf.pageText(page))).toContain(`2. ${LONG_TITLE}`);
    // The last line holds the end of the title and the number; the first one is not cut.
    const lines = contents.split('\n');
    const first = lines.findIndex((line) => line.startsWith('2. Annex IV(3)'));
    expect(lines.length).toBeGreaterThan(first + 1);
    expect(lines.slice(first).find((line) => /\d+$/.test(line))).toMatch(/lifecycle \d+$/);
  });

  it('continues on further pages when the entries do not fit on one, every number pointing at its chapter', async () => {
    const titles = Array.from({ length: 60 }, (_, i) =>
      i % 7 === 3 ? `${LONG_TITLE} (part ${i + 1})` : `Chapter ${i + 1}`,
    );
    const pdf = readBack(await report(withSections(fixtureQuestionnaire(), titles), answers({})));
    const contents = flat(`${pdf.pageText(2)} ${pdf.pageText(3)} ${pdf.pageText(4)}`);
    for (const [i, title] of titles.entries()) {
      const escaped = `${i + 1}. ${title}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const number = contents.match(new RegExp(`${escaped} (\\d+)`))?.[1];
      expect(number, title).toBeDefined();
      expect(flat(pdf.pageText(Number(number))), title).toContain(`${i + 1}. ${title}`);
    }
    // Two pages of contents, the heading on the first only, then the chapters.
    expect(contents).toMatch(/Executive summary 4 /);
    expect(flat(pdf.pageText(2))).toContain('Contents');
    expect(flat(pdf.pageText(3))).not.toContain('Contents');
    expect(flat(pdf.pageText(3))).toMatch(/^\d+\. Chapter \d+ \d+ /);
  });
});
