/**
 * Conformo in Chromium, for one generated questionnaire: load and validation, start -> interactive, a returning
 * user's open -> interactive and JavaScript heap, option clicks, typing, durability in IndexedDB, section switches,
 * the Summary screen, the PDF export.
 */
import { statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { answerRecords, answersFor } from './answers';
import { call, type Heap, heapAfterGc, newContext, openAndWatch, sleep } from './browser';
import { type HostileImport, measureHostileImports } from './hostile-import';
import {
  type ArrowRun,
  arrowSamples,
  type ClickTarget,
  clickSamples,
  durableClickSamples,
  durableTypingSamples,
  type SectionTarget,
  sectionSwitchSamples,
  TYPING_KEYS,
  typingSamples,
} from './interactions';
import {
  clickableQuestions,
  generateQuestionnaire,
  questionId,
  sectionId,
  titleOf,
  typingQuestion,
  VERSION,
} from './questionnaire';
import { type Distribution, distribution, median, round } from './stats';

export interface Runs {
  median: number;
  runs: number[];
}

export interface ConformoResult {
  size: number;
  /** Navigation -> the app's header painted (JavaScript booted), and -> the home screen lists the questionnaire. */
  load: { shell: Runs; listed: Runs };
  /** A returning user whose assessment has every section but one answered: -> the home screen lists the questionnaire and the assessment with its progress. */
  homeReturning: Runs;
  /** Click on "Start the assessment" -> the first radio of the first section is enabled. */
  startToInteractive: Runs;
  /** A returning user: navigation to the first section of a 99%-filled assessment -> its first radio is enabled. */
  openToInteractive: Runs;
  /** That returning user's page, once interactive: the JavaScript heap after a forced garbage collection. */
  heap: Heap;
  click: { checked: Distribution; updated: Distribution };
  /** Arrow keys through the options right after a click: runs in which an earlier option came back on screen. */
  arrows: ArrowRun;
  /** Clears (of the click and durability samples) after which the screen showed the cleared answer again. */
  flickers: { clears: number; flickers: number };
  typing: Distribution;
  durable: { click: Distribution; typing: Distribution };
  /** Click on the "Next: <section>" link -> the first question of that section within the viewport. */
  sectionSwitch: Distribution;
  /** Click on "Summary" -> the gaps heading is on screen, every question answered. */
  summary: Runs;
  pdf?: { ms: number[]; bytes: number };
  /** Files built to exhaust the import reader, refused on the home screen (measured at one size only). */
  hostileImports?: HostileImport[];
}

export interface Plan {
  loads: number;
  arrows: number;
  clicks: number;
  durableClicks: number;
  durableTyping: number;
  switches: number;
  summaries: number;
  pdfRuns: number;
  hostileImports?: boolean;
}

const RADIO = { selector: '.section-content input[type=radio]:enabled' };
const runs = (values: number[]): Runs => ({ median: round(median(values)), runs: values.map((v) => round(v)) });

const target: ClickTarget = {
  input: (id, value) => `#q-${id}-${value}`,
  label: (id, value) => `label[for="q-${id}-${value}"]`,
  counter: '.section-nav a[aria-current="page"] .section-count',
  idle: '.save-indicator[data-status="saved"]',
  clear: (page, id) =>
    page.locator(`article[aria-labelledby="q-${id}-text"]`).getByRole('button', { name: 'Clear the answer' }).click(),
};

/** The first question of every generated section is unconditional: it is always there. */
const firstQuestion = (section: number) => `article[aria-labelledby="q-${questionId(section, 0)}-text"]`;
const sections: SectionTarget = {
  next: '.pager a.button:not(.secondary)',
  firstQuestion,
  toFirst: async (page) => {
    await page.click(`.section-nav a[href$="/sections/${sectionId(0)}"]`);
    await page.waitForSelector(firstQuestion(0));
  },
};

export async function measureConformo(
  browser: Browser,
  baseUrl: string,
  size: number,
  plan: Plan,
  log: (line: string) => void,
): Promise<ConformoResult> {
  const questionnaire = generateQuestionnaire(size);
  const context = await newContext(browser);
  const title = titleOf(size);
  let page: Page | undefined;
  const replace = async (next: Page) => {
    await page?.close();
    page = next;
    return next;
  };

  // 1. Load and validation, then start an assessment through the interface. One warm-up run, then `loads` runs.
  const shell: number[] = [];
  const listed: number[] = [];
  const start: number[] = [];
  let assessmentId = '';
  for (let run = 0; run <= plan.loads; run += 1) {
    const opened = await openAndWatch(
      context,
      baseUrl,
      { shell: { selector: '.app-header h1' }, listed: { selector: '#new-questionnaire option', text: title } },
      'listed',
    );
    const p = await replace(opened.page);
    await p.selectOption('#new-questionnaire', { label: `${title} (${VERSION})` });
    await p.getByLabel('Title of the assessment').fill(`Benchmark ${size}`);
    await call(p, 'armUntil', RADIO);
    await p.getByRole('button', { name: 'Start the assessment' }).click();
    const ms = await call<number>(p, 'result');
    assessmentId = /#\/assessments\/([^/]+)\//.exec(p.url())?.[1] ?? '';
    if (run === 0) continue;
    shell.push(opened.seen.shell as number);
    listed.push(opened.seen.listed as number);
    start.push(ms);
  }
  if (!assessmentId) throw new Error('no assessment id in the URL after "Start the assessment"');
  log(`load ${runs(listed).median} ms, start -> interactive ${runs(start).median} ms`);

  // 2. Every section but the first answered (with comments): the state of a big assessment nearly done.
  const sectionUrl = `${baseUrl}#/assessments/${assessmentId}/sections/${sectionId(0)}`;
  const partial = answerRecords(assessmentId, answersFor(questionnaire, { skipSections: [0] }));
  await call(page as Page, 'seed', assessmentId, partial);
  const homeReturning: number[] = [];
  for (let run = 0; run <= plan.loads; run += 1) {
    const opened = await openAndWatch(
      context,
      baseUrl,
      {
        listed: { selector: '#new-questionnaire option', text: title },
        progress: { selector: '.assessment-item progress' },
      },
      ['listed', 'progress'],
    );
    await replace(opened.page);
    if (run > 0) homeReturning.push(Math.max(opened.seen.listed as number, opened.seen.progress as number));
  }
  const open: number[] = [];
  for (let run = 0; run <= plan.loads; run += 1) {
    const opened = await openAndWatch(context, sectionUrl, { radio: RADIO }, 'radio');
    await replace(opened.page);
    if (run > 0) open.push(opened.seen.radio as number);
  }
  log(
    `returning: home ${runs(homeReturning).median} ms, open -> interactive ${runs(open).median} ms (${partial.length} answers stored)`,
  );
  const p = page as Page;
  await sleep(500);
  const heap = await heapAfterGc(p);
  log(`heap after load ${(heap.used / 1048576).toFixed(1)} MB`);

  // 3. Option clicks, typing, durability.
  const ids = clickableQuestions(questionnaire, 0);
  const clicks = await clickSamples(p, target, ids, plan.clicks);
  const typingId = typingQuestion(questionnaire, 0);
  const field = `#q-${typingId}-input`;
  const typing = await typingSamples(p, field);
  if (typing.length < TYPING_KEYS) log(`warning: ${typing.length} of ${TYPING_KEYS} keystrokes measured`);
  const durableClick = await durableClickSamples(p, target, assessmentId, ids, plan.durableClicks);
  const arrows = await arrowSamples(p, target, ids, plan.arrows);
  const durableTyping = await durableTypingSamples(p, field, assessmentId, typingId, plan.durableTyping);
  const switches = await sectionSwitchSamples(p, sections, questionnaire.sections.length, plan.switches);
  const result: ConformoResult = {
    size,
    load: { shell: runs(shell), listed: runs(listed) },
    homeReturning: runs(homeReturning),
    startToInteractive: runs(start),
    openToInteractive: runs(open),
    heap,
    click: {
      checked: distribution(clicks.samples.map((c) => c.checked)),
      updated: distribution(clicks.samples.map((c) => c.updated)),
    },
    arrows,
    flickers: {
      clears: clicks.clears + durableClick.clears,
      flickers: clicks.flickers + durableClick.flickers,
    },
    typing: distribution(typing),
    durable: { click: distribution(durableClick.samples), typing: distribution(durableTyping) },
    sectionSwitch: distribution(switches),
    summary: runs([]),
  };
  log(
    `click p95 ${result.click.updated.p95} ms (${result.flickers.flickers} flickers in ${result.flickers.clears} clears, an earlier option back in ${arrows.stale} of ${arrows.runs} arrow runs), typing p95 ${result.typing.p95} ms, durable p95 ${result.durable.click.p95} / ${result.durable.typing.p95} ms, section switch p95 ${result.sectionSwitch.p95} ms`,
  );

  // 4. Every question answered, each with a ~700-character comment: the Summary screen, then the PDF.
  const full = answerRecords(assessmentId, answersFor(questionnaire));
  await call(p, 'seed', assessmentId, full);
  const reopened = await replace((await openAndWatch(context, sectionUrl, { radio: RADIO }, 'radio')).page);
  const summary: number[] = [];
  for (let run = 0; run <= plan.summaries; run += 1) {
    await sleep(300);
    await call(reopened, 'armUntil', { selector: '#gaps-heading' });
    await reopened.click('.section-nav a[href$="/summary"]');
    const ms = await call<number>(reopened, 'result');
    if (run > 0) summary.push(ms);
    if (run < plan.summaries) {
      await reopened.click(`.section-nav a[href$="/sections/${sectionId(0)}"]`);
      await reopened.waitForSelector(RADIO.selector);
    }
  }
  result.summary = runs(summary);
  log(`summary ${result.summary.median} ms`);

  if (plan.pdfRuns > 0) {
    const ms: number[] = [];
    let bytes = 0;
    for (let run = 0; run < plan.pdfRuns; run += 1) {
      await sleep(500);
      await call(reopened, 'armDownload');
      const [download] = await Promise.all([
        reopened.waitForEvent('download', { timeout: 300_000 }),
        reopened.getByRole('button', { name: 'Export the PDF report' }).click(),
      ]);
      const elapsed = await call<number | null>(reopened, 'downloadTime');
      if (elapsed === null) throw new Error('the download link was never clicked');
      ms.push(Math.round(elapsed));
      bytes = statSync(await download.path()).size;
      await reopened.getByText('The report has been downloaded.').waitFor();
    }
    result.pdf = { ms, bytes };
    log(`PDF ${ms.join(' / ')} ms, ${(bytes / 1048576).toFixed(2)} MB`);
  }
  if (plan.hostileImports) {
    const home = await replace(
      (
        await openAndWatch(
          context,
          baseUrl,
          { listed: { selector: '#new-questionnaire option', text: title } },
          'listed',
        )
      ).page,
    );
    result.hostileImports = await measureHostileImports(home);
    log(
      `hostile imports: ${result.hostileImports.map((h) => `${h.file} refused in ${h.refusedMs} ms, longest frame gap ${h.longestFrameGapMs} ms`).join('; ')}`,
    );
  }
  await context.close();
  return result;
}
