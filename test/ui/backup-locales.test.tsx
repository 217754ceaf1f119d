import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_CODES } from '../../src/backup/errors';
import { ROOT, readJson } from '../helpers';

type Tree = { [key: string]: string | Tree };
const locale = (language: string) => readJson(`locales/${language}/backup.json`) as Tree;

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

describe('backup messages', () => {
  it('has a message for every backup error code and every failure, in en, fr and de', () => {
    for (const language of ['en', 'fr', 'de']) {
      const keys = new Set(flatten(locale(language)).map(([key]) => key));
      for (const code of BACKUP_CODES) expect(keys, `${language} errors.${code}`).toContain(`errors.${code}`);
      for (const failure of [
        'exportFailed',
        'readFailed',
        'changedMeanwhile',
        'quota',
        'unavailable',
        'newerVersion',
        'blocked',
        'unknown',
      ]) {
        expect(keys, `${language} failure.${failure}`).toContain(`failure.${failure}`);
      }
    }
  });

  it('defines every key the backup interface asks for', () => {
    const dir = join(ROOT, 'src/ui/backup');
    const used = readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f))
      .flatMap((f) =>
        [...readFileSync(join(dir, f), 'utf8').matchAll(/t\(\s*'backup:([a-zA-Z.]+)'/g)].map((m) => m[1]),
      );
    expect(used.length).toBeGreaterThan(20);
    const defined = new Set(flatten(locale('en')).map(([key]) => key.replace(/_(one|other)$/, '')));
    expect(used.filter((key) => !defined.has(key as string))).toEqual([]);
  });
});
