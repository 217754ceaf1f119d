import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

function validate(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/validate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  return { status: run.status, lines: run.stdout.trim().split('\n') };
}

describe('npm run validate', () => {
  it('exits 0 for a valid questionnaire', () => {
    const run = validate('test/fixtures/questionnaires/all-types.json');
    expect(run.status).toBe(0);
    expect(run.lines).toEqual(['test/fixtures/questionnaires/all-types.json: ok (all-types 1.2.0, 9 questions)']);
  });

  it('prints one line per error with line:column, in the chosen language, and exits non-zero', () => {
    const run = validate('test/fixtures/questionnaires/broken.json', '--lang=fr');
    expect(run.status).toBe(1);
    expect(run.lines).toEqual([
      'test/fixtures/questionnaires/broken.json:22:55: Les références au règlement sur l’IA s’écrivent comme « Art. 9(2)(a) », « Annex IV(2)(e) » ou « Recital 27 ». (/sections/0/questions/1/references/0/ref)',
      'test/fixtures/questionnaires/broken.json:25:60: La traduction fr est vide. (/sections/0/questions/1/options/1/label/fr)',
    ]);
  });

  it('locates a JSON syntax error and checks every file given', () => {
    const run = validate(
      'test/fixtures/questionnaires/not-json.json',
      'test/fixtures/questionnaires/all-types.json',
      '--lang=de',
    );
    expect(run.status).toBe(1);
    expect(run.lines[0]).toMatch(
      /^test\/fixtures\/questionnaires\/not-json\.json:2:17: Die Datei ist kein gültiges JSON: /,
    );
    expect(run.lines[1]).toMatch(/all-types\.json: ok/);
  });
});
