import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readJson } from './helpers';

type Tree = { [key: string]: string | Tree };

function strings(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : strings(value, `${prefix}${key}.`),
  );
}

const files = readdirSync(join(ROOT, 'locales/fr')).filter((f) => f.endsWith('.json'));

/**
 * French puts a no-break space before : and a narrow one before ; ? ! and inside « »: with an ordinary space the
 * browser may wrap the sign alone onto the next line.
 */
describe('French interface texts', () => {
  it('has every interface file', () => {
    expect(files).toEqual(expect.arrayContaining(['app.json', 'backup.json', 'report.json', 'team.json']));
  });

  it.each(files)('%s keeps the signs of double punctuation with their word', (file) => {
    for (const [key, text] of strings(readJson(`locales/fr/${file}`) as Tree)) {
      expect(text, key).not.toMatch(/ [:;?!»]/);
      expect(text, key).not.toMatch(/« /);
      expect(text, key).not.toMatch(/[^\s\u00a0\u202f][;?!]/);
      expect(text.replace(/\{\{\w+\}\}/g, ''), key).not.toMatch(/[^\s\u00a0\u202f\w]:|\w:/);
    }
  });
});
