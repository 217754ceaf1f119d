// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

interface Diagnostic {
  category: string;
  location: { path: string };
}

/**
 * Lints each probe as if it were the file at its path, with the project's own Biome configuration, in a copy of the
 * tree that holds only the probes (the real src/ is never written to).
 */
function lint(probes: Record<string, string>): Map<string, string[]> {
  const root = mkdtempSync(join(tmpdir(), 'conformo-lint-'));
  try {
    copyFileSync(join(ROOT, 'biome.json'), join(root, 'biome.json'));
    for (const [path, source] of Object.entries(probes)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), source);
    }
    const run = spawnSync(join(ROOT, 'node_modules/.bin/biome'), ['lint', '--reporter=json', 'src', 'server'], {
      cwd: root,
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    const found = new Map<string, string[]>();
    for (const d of report.diagnostics) found.set(d.location.path, [...(found.get(d.location.path) ?? []), d.category]);
    return found;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const RESTRICTED = /noRestricted(Imports|Globals)/;
const withUse = (line: string) => `${line}\nexport const used = [${line.match(/import \{? ?(\w+)/)?.[1]}];\n`;

const forbidden: [string, string][] = [
  ['src/engine/a.ts', "import { db } from '../storage/repository';"],
  ['src/engine/b.ts', "import { useSession } from '../state/session';"],
  ['src/engine/c.ts', "import { buildReport } from '../report';"],
  ['src/engine/d.ts', "import { create } from 'zustand';"],
  ['src/ui/assessment/a.tsx', "import { db } from '../../storage/db';"],
  ['src/ui/b.tsx', "import { buildReport } from '../report/build-report';"],
  ['src/ui/c.tsx', "import Dexie from 'dexie';"],
  ['src/storage/a.ts', "import { ATTACHMENT_NAME } from '../report/types';"],
  ['src/storage/b.ts', "import { useSession } from '../state/session';"],
  ['src/report/a.ts', "import { listAnswers } from '../storage/repository';"],
  ['src/report/b.ts', "import i18next from '../i18n';"],
  ['src/state/a.ts', "import { App } from '../ui/App';"],
  ['src/state/b.ts', "import questionnaires from '../../bench/generated/q.json';"],
  ['src/backup/a.ts', "import { db } from '../storage/repository';"],
  ['src/engine/f.ts', "import { parseImport } from '../backup/restore';"],
  ['server/a.ts', "import { db } from '../src/storage/db';"],
  ['server/b.ts', "import { useSession } from '../src/state/session';"],
  ['server/store/c.ts', "import { App } from '../../src/ui/App';"],
  ['server/d.ts', "import { create } from 'zustand';"],
];
const impure: [string, string][] = [
  ['src/engine/e.ts', "export const load = () => fetch('/font.ttf');"],
  ['src/report/c.ts', "export const read = () => localStorage.getItem('k');"],
];
const allowed: [string, string][] = [
  ['src/ui/ok.tsx', "import { useSession } from '../state/session';"],
  ['src/state/ok.ts', "import { saveAnswers } from '../storage/repository';"],
  ['src/storage/ok.ts', "import { applyPatch } from '../engine/answers';"],
  ['src/report/ok.ts', "import { localize } from '../engine/localize';"],
  ['src/storage/ok2.ts', "import { parseImport } from '../backup/restore';"],
  ['src/backup/ok.ts', "import { canonicalJson } from '../engine/canonical';"],
  ['server/ok.ts', "import { teamContentHash } from '../src/engine/team-document';"],
];
const found = lint(
  Object.fromEntries([
    ...forbidden.map(([path, line]) => [path, withUse(line)]),
    ...impure,
    ...allowed.map(([path, line]) => [path, withUse(line)]),
  ]),
);

describe('the layers of the README, enforced by lint', () => {
  it.each(forbidden)('refuses, in %s: %s', (path) => {
    expect(found.get(path)?.some((c) => RESTRICTED.test(c))).toBe(true);
  });

  it.each(impure)('refuses I/O and browser globals in pure code, in %s', (path) => {
    expect(found.get(path)?.some((c) => RESTRICTED.test(c))).toBe(true);
  });

  it.each(allowed)('allows the arrows that point down, in %s: %s', (path) => {
    expect(found.get(path)?.filter((c) => RESTRICTED.test(c)) ?? []).toEqual([]);
  });
});
