import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readJson } from '../helpers';

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

const namespaces = readdirSync(join(ROOT, 'locales/en')).filter((f) => f.endsWith('.json'));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('locale files', () => {
  it.each(namespaces)('%s has exactly the same keys in en, fr and de', (file) => {
    const en = keysOf(readJson(`locales/en/${file}`)).sort();
    expect(keysOf(readJson(`locales/fr/${file}`)).sort()).toEqual(en);
    expect(keysOf(readJson(`locales/de/${file}`)).sort()).toEqual(en);
  });

  it('has no empty string and no untranslated copy of the English text', () => {
    for (const file of namespaces) {
      const en = readJson(`locales/en/${file}`) as Record<string, unknown>;
      for (const language of ['fr', 'de']) {
        const other = readJson(`locales/${language}/${file}`);
        const flat = (n: unknown, p = ''): [string, unknown][] =>
          typeof n === 'object' && n !== null ? Object.entries(n).flatMap(([k, v]) => flat(v, `${p}.${k}`)) : [[p, n]];
        const enFlat = new Map(flat(en));
        for (const [key, value] of flat(other)) {
          expect(value, `${language}/${file}${key}`).not.toBe('');
          // Words that are spelt the same in both languages.
          const cognate =
            /^(\{\{\w+\}\}|Sections?|Source|Date|Organisation|Questionnaire|Obligation|optional|Justification|Status|Name|Revision|Invitations)$/;
          const onlyPlaceholders = /^(\{\{\w+\}\}|[\s:.,·—-])+$/.test(String(value));
          const same = value === enFlat.get(key) && !cognate.test(String(value)) && !onlyPlaceholders;
          if (same) expect.soft(`${language}/${file}${key}`).toBe('translated');
        }
      }
    }
  });

  it('defines every key the interface asks for, in the namespace the component uses', () => {
    // team.json, privacy.json and signoff.json join the app namespace under their name once their screens load (src/i18n/app-part.ts).
    const part = (name: string) => keysOf(readJson(`locales/en/${name}.json`)).map((k) => `${name}.${k}`);
    const keysIn = (namespace: string) =>
      namespace === 'app'
        ? [...keysOf(readJson('locales/en/app.json')), ...part('team'), ...part('privacy'), ...part('signoff')]
        : keysOf(readJson(`locales/en/${namespace}.json`));
    const definedIn = (namespace: string) => new Set(keysIn(namespace).map((k) => k.replace(/_(one|other)$/, '')));
    const missing: string[] = [];
    let used = 0;
    for (const file of sourceFiles('src/ui')) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      const fileNamespace = source.match(/useTranslation\('(\w+)'\)/)?.[1] ?? 'app';
      for (const match of source.matchAll(/\bt\('(?:(\w+):)?([a-zA-Z]+\.[a-zA-Z.]+)'/g)) {
        const namespace = match[1] ?? fileNamespace;
        used += 1;
        if (!definedIn(namespace).has(match[2] as string)) missing.push(`${file}: ${namespace}:${match[2]}`);
      }
    }
    expect(used).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('has a message for every validation code the engine can return', () => {
    const source = readFileSync(join(ROOT, 'src/engine/validation-error.ts'), 'utf8');
    const codes = [...source.matchAll(/\| '(\w+)'/g)].map((m) => m[1]);
    const messages = readJson('locales/en/validation.json') as Record<string, string>;
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((code) => !((code as string) in messages))).toEqual([]);
  });
});
