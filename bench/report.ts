/**
 * The results of a run: the table (console and Markdown), the budgets and whether each is met, bench/results/latest.json
 * and docs/benchmarks.md.
 */
import type { ConformoResult } from './conformo';
import type { GeneratedFile } from './generate';
import type { NodeFigures } from './node-figures';
import type { BuildSizes } from './sizes';
import type { Distribution } from './stats';
import type { ControlResult, SurveyJsResult } from './surveyjs';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  date: string;
  /**
   * 1-, 5- and 15-minute load averages (as `uptime` prints them) when the run started and when it ended, and the
   * highest 1-minute average seen during the run (sampled every 5 s): other work on the machine slows every figure.
   */
  load: { start: number[]; end: number[]; peak: number };
}

export interface Results {
  machine: Machine;
  /** Versions of what is compared. */
  versions: Record<string, string>;
  durationS: number;
  generated: GeneratedFile[];
  production: BuildSizes;
  node: NodeFigures;
  reportBenchmark: { ms: number[]; bytes: number; questions: number; commentChars: number };
  control: ControlResult;
  conformo: ConformoResult[];
  surveyjs: SurveyJsResult[];
}

export interface Budget {
  name: string;
  limit: string;
  measured: string;
  met: boolean;
  /** The same check at 5,000 questions, for information. */
  at5000?: string;
}

const KB = 1024;
const MiB = 1024 * 1024;
const fmt = (ms: number | undefined) =>
  ms === undefined || Number.isNaN(ms)
    ? '—'
    : ms >= 100
      ? `${Math.round(ms).toLocaleString('en-GB')} ms`
      : `${ms.toFixed(1)} ms`;
const pair = (d: Distribution | undefined) => (d ? `${fmt(d.p50)} / ${fmt(d.p95)}` : '—');
const ratio = (ours: number | undefined, theirs: number | undefined) =>
  ours === undefined || theirs === undefined || theirs === 0 ? '—' : `${(ours / theirs).toFixed(2)}`;
const pairRatio = (ours: Distribution | undefined, theirs: Distribution | undefined) =>
  ours && theirs ? `${ratio(ours.p50, theirs.p50)} / ${ratio(ours.p95, theirs.p95)}` : '—';
const mb = (bytes: number) => `${(bytes / MiB).toFixed(2)} MB`;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const n = (size: number) => size.toLocaleString('en-GB');
const loadAverage = (load: readonly number[]) => load.map((l) => l.toFixed(2)).join(', ');

type Row = [string, string, string, string, string];

export function tableRows(r: Results): Row[] {
  const rows: Row[] = [];
  const bySize = (size: number) => ({
    ours: r.conformo.find((c) => c.size === size),
    theirs: r.surveyjs.find((s) => s.size === size),
  });
  const sizes = r.conformo.map((c) => c.size);
  for (const size of sizes) {
    const { ours, theirs } = bySize(size);
    if (!ours) continue;
    rows.push(
      [
        'Load: navigation -> questionnaire on screen (ours: home lists it, validated; SurveyJS: survey title)',
        n(size),
        fmt(ours.load.listed.median),
        fmt(theirs?.load.median),
        ratio(ours.load.listed.median, theirs?.load.median),
      ],
      [
        'Open -> interactive: navigation -> first radio enabled (all sections but the first answered)',
        n(size),
        fmt(ours.openToInteractive.median),
        fmt(theirs?.openToInteractive.median),
        ratio(ours.openToInteractive.median, theirs?.openToInteractive.median),
      ],
      ['Start the assessment (click) -> first radio enabled', n(size), fmt(ours.startToInteractive.median), '—', '—'],
      [
        'Home for a returning user: questionnaire and assessment progress listed',
        n(size),
        fmt(ours.homeReturning.median),
        '—',
        '—',
      ],
      [
        'Option click -> radio checked, next frame, p50 / p95',
        n(size),
        pair(ours.click.checked),
        pair(theirs?.click.checked),
        pairRatio(ours.click.checked, theirs?.click.checked),
      ],
      [
        'Option click -> screen updated (answered count too), next frame, p50 / p95',
        n(size),
        pair(ours.click.updated),
        pair(theirs?.click.updated),
        pairRatio(ours.click.updated, theirs?.click.updated),
      ],
      [
        'Typing in a long text, per keystroke, next frame, p50 / p95',
        n(size),
        pair(ours.typing),
        pair(theirs?.typing),
        pairRatio(ours.typing, theirs?.typing),
      ],
      [
        'Clears after which the screen showed the cleared answer again for a moment',
        n(size),
        `${ours.flickers.flickers} of ${ours.flickers.clears}`,
        theirs ? `${theirs.flickers.flickers} of ${theirs.flickers.clears}` : '—',
        '—',
      ],
      [
        'Arrow keys through the options right after a click: runs in which an earlier option came back on screen',
        n(size),
        `${ours.arrows.stale} of ${ours.arrows.runs}`,
        theirs ? `${theirs.arrows.stale} of ${theirs.arrows.runs}` : '—',
        '—',
      ],
      ['Option click -> durable in IndexedDB, p50 / p95', n(size), pair(ours.durable.click), '—', '—'],
      ['Last keystroke -> durable in IndexedDB, p50 / p95', n(size), pair(ours.durable.typing), '—', '—'],
      [
        'Section switch: click on the next-section link (SurveyJS: Next) -> its first question on screen, next frame, p50 / p95',
        n(size),
        pair(ours.sectionSwitch),
        pair(theirs?.sectionSwitch),
        pairRatio(ours.sectionSwitch, theirs?.sectionSwitch),
      ],
      [
        'JavaScript heap after load, forced GC (first section open, all others answered)',
        n(size),
        mb(ours.heap.used),
        theirs ? mb(theirs.heap.used) : '—',
        ratio(ours.heap.used, theirs?.heap.used),
      ],
      ['Summary screen: click -> gaps heading (all answered)', n(size), fmt(ours.summary.median), '—', '—'],
      [
        'Summary computation in Node (visibility, progress, section scores, gaps)',
        n(size),
        fmt(r.node.summary.find((s) => s.size === size)?.ms),
        '—',
        '—',
      ],
    );
    if (ours.pdf) {
      rows.push([
        'PDF export in Chromium: click -> download (first / again)',
        n(size),
        ours.pdf.ms.map(fmt).join(' / '),
        '—',
        '—',
      ]);
      rows.push(['PDF size (Chromium download)', n(size), mb(ours.pdf.bytes), '—', '—']);
    }
  }
  const pdf = r.node.pdf;
  const best = (ms: number[]) => Math.min(...ms);
  rows.push(
    [
      'PDF in Node, same content: Conformo buildReport vs pdfmake (best of runs)',
      n(pdf.questions),
      fmt(best(pdf.conformo.ms)),
      fmt(best(pdf.pdfmake.ms)),
      ratio(best(pdf.conformo.ms), best(pdf.pdfmake.ms)),
    ],
    [
      'PDF size in Node (pages)',
      n(pdf.questions),
      `${mb(pdf.conformo.bytes)} (${pdf.conformo.pages} p.)`,
      `${mb(pdf.pdfmake.bytes)} (${pdf.pdfmake.pages} p.)`,
      ratio(pdf.conformo.bytes, pdf.pdfmake.bytes),
    ],
    [
      `scripts/report-benchmark.ts (conformity only, ${r.reportBenchmark.commentChars}-character comments), runs`,
      n(r.reportBenchmark.questions),
      `${r.reportBenchmark.ms.map(fmt).join(' / ')}, ${mb(r.reportBenchmark.bytes)}`,
      '—',
      '—',
    ],
    ['First page JavaScript, gzip (production build)', '—', kb(r.production.firstPage.gzip), '—', '—'],
    [
      'Precache (service worker manifest)',
      '—',
      `${mb(r.production.precache.bytes)} in ${r.production.precache.entries} files`,
      '—',
      '—',
    ],
    ['Control page (no framework): option click -> updated, p50 / p95', '—', pair(r.control.click.updated), '—', '—'],
    ['Control page (no framework): typing, p50 / p95', '—', pair(r.control.typing), '—', '—'],
  );
  return rows;
}

export function budgets(r: Results): Budget[] {
  const at = (size: number) => r.conformo.find((c) => c.size === size);
  const theirs = (size: number) => r.surveyjs.find((s) => s.size === size);
  const o1 = at(1000);
  const o5 = at(5000);
  const s1 = theirs(1000);
  const s5 = theirs(5000);
  const list: Budget[] = [];
  const firstPage = r.production.firstPage.gzip;
  list.push({
    name: 'First page JavaScript (gzip)',
    limit: '≤ 150 KB',
    measured: kb(firstPage),
    met: firstPage <= 150 * KB,
  });
  if (o1) {
    list.push(
      {
        name: 'Typing, per keystroke, p95, 1,000 questions',
        limit: '≤ 16 ms',
        measured: fmt(o1.typing.p95),
        met: o1.typing.p95 <= 16,
        at5000: o5 && fmt(o5.typing.p95),
      },
      {
        name: 'Option click -> screen updated, p95, 1,000 questions',
        limit: '≤ 50 ms',
        measured: fmt(o1.click.updated.p95),
        met: o1.click.updated.p95 <= 50,
        at5000: o5 && fmt(o5.click.updated.p95),
      },
      {
        name: 'Answer -> durable in IndexedDB, p95 (click / typing), 1,000 questions',
        limit: '≤ 500 ms',
        measured: `${fmt(o1.durable.click.p95)} / ${fmt(o1.durable.typing.p95)}`,
        met: Math.max(o1.durable.click.p95, o1.durable.typing.p95) <= 500,
        at5000: o5 && `${fmt(o5.durable.click.p95)} / ${fmt(o5.durable.typing.p95)}`,
      },
      {
        name: 'Section switch (next-section click -> its first question on screen), p95, 1,000 questions',
        limit: '≤ 60 ms',
        measured: fmt(o1.sectionSwitch.p95),
        met: o1.sectionSwitch.p95 <= 60,
        at5000: o5 && fmt(o5.sectionSwitch.p95),
      },
      {
        name: 'JavaScript heap after load (forced GC), 1,000 questions (SurveyJS in brackets)',
        limit: '≤ 10 MB',
        measured: `${mb(o1.heap.used)}${s1 ? ` (${mb(s1.heap.used)})` : ''}`,
        met: o1.heap.used <= 10 * MiB,
        at5000: o5 && `${mb(o5.heap.used)}${s5 ? ` (${mb(s5.heap.used)})` : ''}`,
      },
    );
    if (o1.pdf) {
      const first = o1.pdf.ms[0] as number;
      list.push({
        name: 'PDF export, 1,000 questions, ~700-character comments (Chromium, first export)',
        limit: '≤ 3 s',
        measured: `${fmt(first)} (Node: ${fmt(Math.min(...r.node.pdf.conformo.ms))})`,
        met: first <= 3000,
      });
    }
    if (o1.hostileImports) {
      const longest = Math.max(...o1.hostileImports.map((h) => h.longestFrameGapMs));
      list.push({
        name: 'Longest frame gap while a file built to exhaust the reader is refused (4 files of the security review)',
        limit: '≤ 100 ms',
        measured: `${fmt(longest)} (refused in ${o1.hostileImports.map((h) => fmt(h.refusedMs)).join(' / ')})`,
        met: longest <= 100,
      });
    }
    if (o5) {
      list.push({
        name: 'Option click -> screen updated, p95, 5,000 questions',
        limit: '≤ 25 ms',
        measured: fmt(o5.click.updated.p95),
        met: o5.click.updated.p95 <= 25,
      });
    }
    if (s1) {
      const twice = (ours: number, them: number) => ours <= them / 2;
      const check = (o: ConformoResult, s: SurveyJsResult) =>
        `click ${ratio(o.click.updated.p95, s.click.updated.p95)}, typing ${ratio(o.typing.p95, s.typing.p95)}`;
      list.push({
        name: 'Latency at least twice as fast as SurveyJS (ours/theirs p95 ≤ 0.5; click updated, typing), 1,000 questions',
        limit: '≤ 0.50',
        measured: check(o1, s1),
        met: twice(o1.click.updated.p95, s1.click.updated.p95) && twice(o1.typing.p95, s1.typing.p95),
        at5000: o5 && s5 ? check(o5, s5) : undefined,
      });
    }
  }
  return list;
}

function markdownTable(header: string[], rows: string[][]): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ].join('\n');
}

export function consoleTable(r: Results): string {
  const header: Row = ['Measure', 'Questions', 'Conformo', 'SurveyJS / pdfmake', 'ours/theirs'];
  const rows = [header, ...tableRows(r)];
  const widths = header.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ');
  const budgetLines = budgets(r).map(
    (b) =>
      `${b.met ? 'MET    ' : 'NOT MET'}  ${b.name}: ${b.measured} (budget ${b.limit})${b.at5000 ? `; at 5,000: ${b.at5000}` : ''}`,
  );
  return [line(header), ...rows.slice(1).map(line), '', ...budgetLines].join('\n');
}

/** When the option-click budget is not met: how this run's figures split the time (no analysis that could go stale). */
function clickNote(r: Results): string {
  const o1 = r.conformo.find((c) => c.size === 1000);
  if (!o1 || o1.click.updated.p95 <= 50) return '';
  const bySize = r.conformo.map((c) => `${fmt(c.click.updated.p50)} at ${n(c.size)}`).join(', ');
  return `### Where the option click spends its time

At 1,000 questions the clicked radio shows checked after ${fmt(o1.click.checked.p95)} (p95; the control page, which
does nothing, takes ${fmt(r.control.click.updated.p95)}), the answer is in IndexedDB after ${fmt(o1.durable.click.p50)}
(p50), and the count of answered questions follows after ${fmt(o1.click.updated.p95)} (p95). The full update grows with
the size of the assessment (p50: ${bySize}); the durable write does not.

`;
}

/** When the section-switch budget is not met: this run's figures by size, beside SurveyJS's (no analysis that could go stale). */
function sectionSwitchNote(r: Results): string {
  const o1 = r.conformo.find((c) => c.size === 1000);
  if (!o1 || o1.sectionSwitch.p95 <= 60) return '';
  const bySize = r.conformo
    .map((c) => {
      const theirs = r.surveyjs.find((s) => s.size === c.size);
      return `${fmt(c.sectionSwitch.p50)} at ${n(c.size)}${theirs ? ` (SurveyJS ${fmt(theirs.sectionSwitch.p50)})` : ''}`;
    })
    .join(', ');
  return `### Section switch

Every generated section has 50 questions, whatever the size of the questionnaire: a switch that grows with the size
is work on the whole assessment, one that does not is the rendering of one section. p50 here: ${bySize}. The click
on an option in the same assessment takes ${fmt(o1.click.updated.p50)} (p50).

`;
}

export function markdown(r: Results): string {
  const m = r.machine;
  const rows = tableRows(r);
  const budgetRows = budgets(r).map((b) => [
    b.name,
    b.limit,
    b.measured,
    b.met ? 'met' : '**not met**',
    b.at5000 ?? '',
  ]);
  const generated = r.generated
    .map((g) => `${n(g.questions)} questions in ${g.sections} sections (${g.conditional} conditional, ${mb(g.bytes)})`)
    .join('; ');
  return `# Benchmarks

Rewritten by \`npm run bench\` (bench/, scripts/bench.ts); the raw figures are in
[bench/results/latest.json](../bench/results/latest.json). Do not edit by hand: run the bench again.

**Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}; Chromium ${m.chromium} (Debian, headless).
**Date:** ${m.date}. **Duration of the run:** ${Math.round(r.durationS)} s. **Load average** (1, 5, 15 min, as \`uptime\`
prints it) at the start ${loadAverage(m.load.start)}, at the end ${loadAverage(m.load.end)}, highest 1-minute average during the
run ${m.load.peak.toFixed(2)}, on ${m.cores} cores. The run itself keeps about one core busy; well above that, other work
was competing with it and the latencies are slower than on an idle machine.

## Budgets

${markdownTable(['Budget', 'Limit', 'Measured', 'Result', 'At 5,000 questions (for information)'], budgetRows)}

${clickNote(r)}${sectionSwitchNote(r)}## Figures

Ours is Conformo; theirs is SurveyJS (survey-core ${r.versions['survey-core']}, survey-react-ui
${r.versions['survey-react-ui']}, React ${r.versions.react}) on the same questionnaire, or pdfmake ${r.versions.pdfmake} for the PDF. The ratio is ours divided by theirs: below 1 means Conformo is faster
(or smaller). "p50 / p95" are percentiles over the samples (at least 30 each).

${markdownTable(['Measure', 'Questions', 'Conformo', 'SurveyJS / pdfmake', 'Ours/theirs'], rows)}

## What is measured, and how

- **Questionnaires** (generated into \`bench/generated/\`, checked with \`npm run validate\`): ${generated}. Sections
  of 50 questions with all seven types, a fifth of them conditional on earlier answers (same section, and one per block
  on the previous section), strings in English, French and German, AI Act references such as \`Art. 9(2)(a)\`.
- **Builds.** Conformo: \`vite build --mode bench --outDir bench/dist/<size>\`, one build per size with only that
  generated questionnaire in \`bench/generated/\` next to the shipped ones (the catalogue validates every built-in
  questionnaire at start, so one build with all three would time 6,100 questions for every size). SurveyJS: a small
  React page (\`bench/surveyjs/\`) built with Vite into \`bench/dist-surveyjs\`, with the questionnaire converted by
  \`bench/to-surveyjs.ts\` (pages = sections, radiogroup, checkbox, text, comment, \`visibleIf\` expressions;
  \`textUpdateMode: onTyping\` and \`clearInvisibleValues: none\` to behave like Conformo; the progress bar counts
  answered questions like Conformo's section list). Both are served by \`vite preview\` on 127.0.0.1.
- **Browser.** Debian's Chromium, headless, with the flags of \`/work/shared/TOOLCHAIN.md\`; a viewport of 1280x900; the
  service worker is blocked so that its first-visit precaching does not run behind the measurements.
- **Timing in the page.** Loads: the first animation frame (\`requestAnimationFrame\`, checked from the first frame)
  at which the screen shows the questionnaire / an enabled radio, in ms since navigation; median of 3 runs after a
  warm-up. Clicks (\`page.click\` on the option's label): from the click event's \`timeStamp\` to the next animation
  frame at which the radio shows checked, and to the frame at which the count of answered questions has changed
  too (Conformo: the count of the current section in the section list; SurveyJS: its progress text). Each
  click answers an unanswered question; the answer is then cleared (Conformo: its "Clear the answer" button;
  SurveyJS: \`survey.clearValue\`, as it shows no such button by default) and the next click waits until the screen
  has been back at its starting state, with nothing left to save, for 300 ms. A clear after which the count came back
  to its starting value and then showed the answer again for a moment is counted as a flicker. Arrow keys: a click on
  "Conform", then ArrowDown three times, 15 ms apart (four answers in a row, as a keyboard user gives them); the
  options shown, frame by frame, must follow that order. Typing (\`page.keyboard.type\` in bursts at 60-110 ms a key with pauses of 150-700 ms): from each keydown's
  \`timeStamp\` to the next frame at which the field shows the text. Section switch: a click on the "Next: <section>"
  link at the foot of a section (SurveyJS: its "Next" button), from the click event's \`timeStamp\` to the first frame at
  which the first question of the next section is in the document and within the viewport; forward through the
  sections (the first unanswered, the others answered), back to the first one (not timed) from the last, 300 ms apart. Durable: a second connection to the
  \`conformo\` database polls table \`answers\` at key [assessmentId, questionId] every 2 ms until the value is there.
- **Heap.** On the page of a returning user, once it is interactive (first section / page shown, every other one
  answered; the only page of its browser context), two forced garbage collections (CDP
  \`HeapProfiler.collectGarbage\`), then V8's used heap as Chromium reports it (CDP \`Performance.getMetrics\`,
  \`JSHeapUsedSize\`). MB here are 2^20 bytes.
- **Seeding.** The answers the measurement does not concern are written straight into IndexedDB (the shape of
  \`AnswerRecord\`) and the page reloaded: for the clicks and typing every section but the first is answered, for the
  Summary and the PDF every question is answered with a ~700-character comment.
- **The floor.** "next animation frame" includes waiting for the next frame: at 60 frames a second up to 16.7 ms even
  when the page does nothing. The control page (plain DOM, no framework) shows that floor on this machine; read the
  budgets of 16 ms with it in mind.
- **Sizes.** A fresh production build (\`vite build\`, mode production) written to \`bench/results/tmp/dist-production\`
  so that \`dist/\` stays untouched: the entry script of \`index.html\` and its modulepreloads, gzip level 9 (as
  \`test/e2e/bundle.e2e.test.ts\` counts them), and the sum of the files listed in \`sw.js\`'s precache manifest.
- **Not like for like.** Conformo's question card also renders the comment field, the evidence-file and history
  panels, and its answers go to IndexedDB; SurveyJS keeps answers in memory only. Conformo's PDF and pdfmake's carry
  the same content, fonts and attachment; page breaking and table layout differ.
`;
}
