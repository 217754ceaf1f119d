/**
 * npm test: first the system packages the tests need (installed with apt-get when missing and possible, else a stop
 * with the command to run), then type-check, lint, validate the questionnaires, unit and component tests, production
 * build, browser tests. Ends with one plain line, "N passed, M failed", counting every test and every check.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSystemPackages, realSystem, TEST_PACKAGES } from './system-packages';

// Before anything else: without these the browser tests fail by the page, minutes later.
const systemPackages = ensureSystemPackages(TEST_PACKAGES, realSystem);
if (!systemPackages.ok) {
  console.log(`\n${systemPackages.message}\n`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

interface Tally {
  passed: number;
  failed: number;
}
const total: Tally = { passed: 0, failed: 0 };
const resultsDir = mkdtempSync(join(tmpdir(), 'conformo-test-'));

function run(command: string, args: string[]): boolean {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } }).status === 0;
}

/** A step that is one check (type-check, lint, build): it counts as one test. */
function check(name: string, command: string, args: string[]): boolean {
  const ok = run(command, args);
  total[ok ? 'passed' : 'failed'] += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
  return ok;
}

/** A vitest run: every test counts; a run that crashed before reporting counts as one failure. */
function vitest(name: string, args: string[]): void {
  const output = join(resultsDir, `${name}.json`);
  const ok = run('npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numFailedTestSuites: number;
    };
    total.passed += report.numPassedTests;
    total.failed +=
      report.numFailedTests + (report.numFailedTests === 0 && !ok ? Math.max(1, report.numFailedTestSuites) : 0);
  } catch {
    total.failed += 1;
    console.log(`FAIL ${name}: no report`);
  }
}

check('generate validators', 'npx', ['tsx', 'scripts/generate-validators.ts']);
check('type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('lint', 'npx', ['biome', 'check', '.']);
check('licences and SBOM', 'npx', ['tsx', 'scripts/licences.ts']);
check('npm audit (high and critical)', 'npx', ['tsx', 'scripts/audit.ts']);
check('validate questionnaires', 'npx', ['tsx', 'scripts/validate.ts', ...questionnaireFiles()]);
vitest('unit', []);
const built = check('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (built) vitest('browser', ['--config', 'vitest.e2e.config.ts']);
else total.failed += 1;

console.log(`\n${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);

function questionnaireFiles(): string[] {
  const listing = spawnSync('ls', ['questionnaires'], { encoding: 'utf8' }).stdout;
  return listing
    .split('\n')
    .filter((f) => f.endsWith('.json'))
    .map((f) => `questionnaires/${f}`);
}
