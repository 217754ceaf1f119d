/**
 * npm run bench: big questionnaires stay instant, measured side by side with SurveyJS and pdfmake.
 * Generates 100/1,000/5,000-question questionnaires, builds Conformo (mode "bench") and a SurveyJS page, drives both
 * in Debian's Chromium, times the PDF in Node, and writes bench/results/latest.json and docs/benchmarks.md.
 * Separate from `npm test`: it measures, it asserts nothing. BENCH_SIZES=100,1000 runs fewer sizes; BENCH_QUICK=1 takes
 * few samples (to try the bench itself).
 * Team mode (bench/team*.ts, after the browser work): a change's propagation to 2 and to 50 clients and the server's
 * memory with 200 assessments open, against a real team server in a child process; stored under `team`.
 * BENCH_TEAM=only runs only that part (no build, no browser) and rewrites docs/benchmarks.md from the single-user figures
 * already in bench/results/latest.json plus the new team ones; BENCH_TEAM=off skips it and keeps the previous team figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, serve } from '../bench/browser';
import { type ConformoResult, measureConformo } from '../bench/conformo';
import { GENERATED, generateAll } from '../bench/generate';
import type { NodeFigures } from '../bench/node-figures';
import { fileName, SIZES } from '../bench/questionnaire';
import { consoleTable, markdown, type Results } from '../bench/report';
import { buildSizes } from '../bench/sizes';
import { type ControlResult, measureControl, measureSurveyJs, type SurveyJsResult } from '../bench/surveyjs';
import { measureTeam, TEAM_PLAN, TEAM_QUICK_PLAN, type TeamResults } from '../bench/team';
import { teamConsoleLines, teamMarkdown } from '../bench/team-report';
import { ensureSystemPackages, realSystem, TEST_PACKAGES } from './system-packages';

const root = join(import.meta.dirname, '..');
const bench = join(root, 'bench');
const tmp = join(bench, 'results/tmp');
const started = performance.now();
const loadAtStart = loadavg();
// The 1-minute load average every 5 s: the highest tells whether other work competed with the run in between.
let peakLoad = loadAtStart[0] ?? 0;
const loadSampler = setInterval(() => {
  peakLoad = Math.max(peakLoad, loadavg()[0] ?? 0);
}, 5000);
loadSampler.unref();
const sizes = (process.env.BENCH_SIZES?.split(',').map(Number) ?? [...SIZES]).filter((s) =>
  (SIZES as readonly number[]).includes(s),
);
// BENCH_QUICK=1: a smoke run of the bench itself (too few samples to quote).
const PLAN = process.env.BENCH_QUICK
  ? { loads: 1, clicks: 6, durableClicks: 4, durableTyping: 3, switches: 4, summaries: 1, arrows: 2 }
  : { loads: 3, clicks: 40, durableClicks: 30, durableTyping: 30, switches: 30, summaries: 3, arrows: 10 };

const TEAM = process.env.BENCH_TEAM ?? '';
if (!['', 'only', 'off'].includes(TEAM)) throw new Error(`BENCH_TEAM is only or off, not ${TEAM}`);
const latestJson = join(bench, 'results/latest.json');

type StoredResults = Results & { team?: TeamResults };

const elapsed = () => `${Math.round((performance.now() - started) / 1000)}s`.padStart(5);
const log = (line: string) => console.log(`[${elapsed()}] ${line}`);

function run(command: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout);
    process.stderr.write(result.stderr);
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  }
  return result.stdout;
}

const viteBuild = (...args: string[]) => run('npx', ['vite', 'build', '--logLevel', 'error', ...args]);

/** One build per size: only that generated questionnaire sits in bench/generated/ while it builds. */
function buildPerSize(): void {
  const parked = join(GENERATED, 'parked');
  mkdirSync(parked, { recursive: true });
  const all = readdirSync(GENERATED).filter((f) => f.endsWith('.json'));
  try {
    for (const size of sizes) {
      for (const file of all) {
        const here = join(GENERATED, file);
        const away = join(parked, file);
        if (file === fileName(size) && existsSync(away)) renameSync(away, here);
        if (file !== fileName(size) && existsSync(here)) renameSync(here, away);
      }
      viteBuild('--mode', 'bench', '--outDir', `bench/dist/${size}`, '--emptyOutDir');
      log(`built bench/dist/${size}`);
    }
  } finally {
    for (const file of all) if (existsSync(join(parked, file))) renameSync(join(parked, file), join(GENERATED, file));
    rmSync(parked, { recursive: true, force: true });
  }
}

async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

async function team(): Promise<TeamResults> {
  log('team mode: propagation and server memory');
  return measureTeam(process.env.BENCH_QUICK ? TEAM_QUICK_PLAN : TEAM_PLAN, (line) => log(`  ${line}`));
}

function previousResults(): StoredResults | undefined {
  return existsSync(latestJson) ? (JSON.parse(readFileSync(latestJson, 'utf8')) as StoredResults) : undefined;
}

function writeResults(results: StoredResults): void {
  mkdirSync(join(bench, 'results'), { recursive: true });
  writeFileSync(latestJson, `${JSON.stringify(results, null, 2)}\n`);
  // The project's formatter has the last word, so that "npm run lint" passes on the file as written.
  run('npx', ['biome', 'format', '--write', 'bench/results/latest.json']);
  writeFileSync(join(root, 'docs/benchmarks.md'), markdown(results) + (results.team ? teamMarkdown(results.team) : ''));
}

/** BENCH_TEAM=only: the team figures beside the single-user ones of the last full run, which stay as they are. */
async function teamOnly(): Promise<void> {
  const previous = previousResults();
  if (!previous)
    throw new Error('BENCH_TEAM=only needs the single-user figures of a full run in bench/results/latest.json');
  const results: StoredResults = { ...previous, team: await team() };
  writeResults(results);
  console.log(`\n${teamConsoleLines(results.team as TeamResults).join('\n')}\n`);
  log('wrote the team figures into bench/results/latest.json and docs/benchmarks.md');
}

async function main(): Promise<void> {
  if (TEAM === 'only') return teamOnly();
  const chromiumPackage = ensureSystemPackages(
    TEST_PACKAGES.filter((pkg) => pkg.name === 'chromium'),
    realSystem,
  );
  if (!chromiumPackage.ok) throw new Error(chromiumPackage.message);
  mkdirSync(tmp, { recursive: true });
  log(
    `sizes ${sizes.join(', ')} on ${cpus()[0]?.model} x ${cpus().length}, load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );

  // 1. Questionnaires, checked by the validator users run.
  const generated = generateAll();
  for (const file of generated) {
    log(`generated ${file.path.slice(root.length + 1)}: ${file.questions} questions, ${file.conditional} conditional`);
  }
  run('npx', ['tsx', 'scripts/validate.ts', ...SIZES.map((s) => `bench/generated/${fileName(s)}`)]);
  log('npm run validate -- bench/generated/*.json: ok');

  // 2. Builds: production (sizes), Conformo per size (mode bench), SurveyJS.
  run('npx', ['tsx', 'scripts/generate-validators.ts']);
  const production = join(tmp, 'dist-production');
  viteBuild('--outDir', production, '--emptyOutDir');
  const productionSizes = buildSizes(production);
  log(
    `production build: first page ${(productionSizes.firstPage.gzip / 1024).toFixed(1)} KB gzip, precache ${(productionSizes.precache.bytes / 1048576).toFixed(2)} MB`,
  );
  buildPerSize();
  viteBuild('--config', 'bench/surveyjs/vite.config.ts');
  log('built bench/dist-surveyjs');

  // 3. Node figures, while no browser runs.
  const node = JSON.parse(
    run('npx', ['tsx', 'bench/node-figures.ts']).trim().split('\n').pop() as string,
  ) as NodeFigures;
  log(
    `Node: PDF Conformo ${node.pdf.conformo.ms.join('/')} ms, pdfmake ${node.pdf.pdfmake.ms.join('/')} ms; summary ${node.summary.map((s) => s.ms).join('/')} ms`,
  );
  const reportRuns = run('npx', ['tsx', 'scripts/report-benchmark.ts'], { RUNS: '3' })
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { ms: number; bytes: number; questions: number; commentChars: number });
  const reportBenchmark = {
    ms: reportRuns.map((r) => r.ms),
    bytes: reportRuns.at(-1)?.bytes ?? 0,
    questions: reportRuns.at(-1)?.questions ?? 0,
    commentChars: reportRuns.at(-1)?.commentChars ?? 0,
  };
  log(`scripts/report-benchmark.ts: ${reportBenchmark.ms.join(' / ')} ms`);

  // 4. Chromium: Conformo and SurveyJS, size by size, a fresh browser each time.
  const chromium = await withBrowser(async (b) => b.version());
  const surveyServer = await serve(bench, 'dist-surveyjs');
  const conformo: ConformoResult[] = [];
  const surveyjs: SurveyJsResult[] = [];
  let control: ControlResult;
  try {
    control = await withBrowser((b) => measureControl(b, surveyServer.url, 30));
    log(`control page: click p95 ${control.click.updated.p95} ms, typing p95 ${control.typing.p95} ms`);
    for (const size of sizes) {
      const server = await serve(root, `bench/dist/${size}`);
      try {
        log(`Conformo, ${size} questions`);
        const plan = { ...PLAN, pdfRuns: size === 1000 ? 2 : 0, hostileImports: size === 1000 };
        conformo.push(await withBrowser((b) => measureConformo(b, server.url, size, plan, (l) => log(`  ${l}`))));
      } finally {
        await server.close();
      }
      log(`SurveyJS, ${size} questions`);
      surveyjs.push(await withBrowser((b) => measureSurveyJs(b, surveyServer.url, size, PLAN, (l) => log(`  ${l}`))));
    }
  } finally {
    await surveyServer.close();
  }

  // 5. Team mode, with no browser running; it records its own duration and load, so the single-user ones stop here.
  const singleUser = { end: loadavg(), peak: peakLoad, durationS: (performance.now() - started) / 1000 };
  const teamResults = TEAM === 'off' ? previousResults()?.team : await team();

  // 6. Results.
  const cpu = cpus();
  const results: StoredResults = {
    machine: {
      cpu: cpu[0]?.model ?? 'unknown',
      cores: cpu.length,
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      os: `${type()} ${release()}`,
      node: process.version,
      chromium,
      date: new Date().toISOString(),
      load: { start: loadAtStart, end: singleUser.end, peak: singleUser.peak },
    },
    versions: Object.fromEntries(
      ['survey-core', 'survey-react-ui', 'pdfmake', 'react', '@cantoo/pdf-lib', 'dexie', 'vite'].map((name) => [
        name,
        (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
          .version,
      ]),
    ),
    durationS: singleUser.durationS,
    generated,
    production: productionSizes,
    node,
    reportBenchmark,
    control,
    conformo,
    surveyjs,
    ...(teamResults ? { team: teamResults } : {}),
  };
  writeResults(results);
  console.log(`\n${consoleTable(results)}\n`);
  if (teamResults) console.log(`${teamConsoleLines(teamResults).join('\n')}\n`);
  log(
    `load average at the end ${results.machine.load.end.map((l) => l.toFixed(2)).join(' ')}, highest 1-minute average during the run ${results.machine.load.peak.toFixed(2)}`,
  );
  log('wrote bench/results/latest.json and docs/benchmarks.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
