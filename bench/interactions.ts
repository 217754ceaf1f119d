/**
 * The interaction samples, the same for Conformo, SurveyJS and the control page: real clicks and keystrokes
 * (page.click, page.keyboard.type), timed in the page.
 */
import type { Page } from 'playwright-core';
import { type ClickSample, call, sleep } from './browser';

export interface ClickTarget {
  /** The option's input, which must show checked. */
  input: (id: string, value: string) => string;
  /** What the user clicks: the option's label. */
  label: (id: string, value: string) => string;
  /** The count of answered questions on screen, which must change too. */
  counter: string;
  /** Present when the page has nothing left to write (Conformo's save indicator), if the page has such a thing. */
  idle?: string;
  /** Clears the answer (not timed). */
  clear: (page: Page, id: string, value: string) => Promise<void>;
}

export interface ClickRun<T> {
  samples: T[];
  /** Clears after which the screen, having shown the answer cleared, showed it answered again for a while. */
  flickers: number;
  clears: number;
}

const VALUES = ['conform', 'nonConform'] as const;
/** A short rest before typing and between the typing samples. */
const PAUSE_MS = 150;

/**
 * Each sample answers an unanswered question; the answer is then cleared, and the next sample waits until the screen
 * has been back at its starting state for 300 ms, with nothing left to write: samples never overlap.
 */
async function eachClick<T>(
  page: Page,
  target: ClickTarget,
  ids: readonly string[],
  count: number,
  warmup: number,
  sample: (id: string, value: string, baseline: string | null) => Promise<T>,
): Promise<ClickRun<T>> {
  const baseline = await page.textContent(target.counter);
  const samples: T[] = [];
  let flickers = 0;
  for (let i = 0; i < warmup + count; i += 1) {
    const id = ids[i % ids.length] as string;
    const value = VALUES[i % 2] as string;
    const result = await sample(id, value, baseline);
    if (i >= warmup) samples.push(result);
    await call(page, 'changed', target.counter, baseline);
    await target.clear(page, id, value);
    const settled = await call<{ flicker: boolean }>(
      page,
      'settled',
      target.counter,
      baseline,
      target.input(id, value),
      target.idle ?? null,
    );
    if (settled.flicker) flickers += 1;
  }
  return { samples, flickers, clears: warmup + count };
}

/** Option click -> checked on screen, and -> the count of answered questions updated. */
export function clickSamples(
  page: Page,
  target: ClickTarget,
  ids: readonly string[],
  count: number,
  warmup = 4,
): Promise<ClickRun<ClickSample>> {
  return eachClick(page, target, ids, count, warmup, async (id, value, baseline) => {
    await call(page, 'armClick', target.input(id, value), target.counter, baseline);
    await page.click(target.label(id, value));
    return call<ClickSample>(page, 'result');
  });
}

/** Option click -> the answer is in IndexedDB. */
export function durableClickSamples(
  page: Page,
  target: ClickTarget,
  assessmentId: string,
  ids: readonly string[],
  count: number,
  warmup = 2,
): Promise<ClickRun<number>> {
  return eachClick(page, target, ids, count, warmup, async (id, value) => {
    await call(page, 'armDurableClick', [assessmentId, id], value);
    await page.click(target.label(id, value));
    return call<number>(page, 'result');
  });
}

export interface ArrowRun {
  runs: number;
  /** Runs in which an option shown earlier came back on screen after a later one. */
  stale: number;
  /** The options shown, run by run (indexes in conform, partial, nonConform, notApplicable; -1 none). */
  shown: number[][];
}

const OPTIONS = ['conform', 'partial', 'nonConform', 'notApplicable'] as const;

/**
 * A keyboard user: clicks "Conform", then moves through the other options with the arrow keys, 15 ms apart (each
 * key press is an answer). The screen must show the options in that order; an earlier one coming back is counted.
 */
export async function arrowSamples(
  page: Page,
  target: ClickTarget,
  ids: readonly string[],
  runs: number,
): Promise<ArrowRun> {
  const baseline = await page.textContent(target.counter);
  const shown: number[][] = [];
  let stale = 0;
  for (let run = 0; run < runs; run += 1) {
    const id = ids[run % ids.length] as string;
    await call(
      page,
      'recordChoice',
      OPTIONS.map((value) => target.input(id, value)),
    );
    await page.click(target.label(id, 'conform'));
    for (let key = 1; key < OPTIONS.length; key += 1) {
      await sleep(15);
      await page.keyboard.press('ArrowDown');
    }
    const seq = await call<number[]>(page, 'choiceSettled', OPTIONS.length - 1, target.idle ?? null);
    shown.push(seq);
    const answered = seq.filter((i) => i >= 0);
    if (answered.some((i, k) => k > 0 && i < Math.max(...answered.slice(0, k)))) stale += 1;
    await target.clear(page, id, 'notApplicable');
    await call(page, 'settled', target.counter, baseline, target.input(id, 'notApplicable'), target.idle ?? null);
  }
  return { runs, stale, shown };
}

export interface SectionTarget {
  /** What the user clicks to go to the next section (Conformo's "Next: ..." link, SurveyJS's "Next" button). */
  next: string;
  /** The first question of a section (0-based). */
  firstQuestion: (section: number) => string;
  /** Goes back to the first section (not timed); resolves once its first question is there. */
  toFirst: (page: Page) => Promise<void>;
}

/**
 * Section switch: a click on the next-section control -> the first animation frame at which the first question of
 * the next section is within the viewport. Walks forward through the sections, back to the first (not timed) from
 * the last one; a rest between samples so that they never overlap.
 */
export async function sectionSwitchSamples(
  page: Page,
  target: SectionTarget,
  sections: number,
  count: number,
  warmup = 2,
): Promise<number[]> {
  if (sections < 2) return [];
  const samples: number[] = [];
  let current = 0;
  for (let i = 0; i < warmup + count; i += 1) {
    if (current === sections - 1) {
      await target.toFirst(page);
      current = 0;
    }
    await sleep(2 * PAUSE_MS);
    await call(page, 'armUntil', { selector: target.firstQuestion(current + 1), inView: true });
    await page.click(target.next);
    const ms = await call<number>(page, 'result');
    current += 1;
    if (i >= warmup) samples.push(ms);
  }
  return samples;
}

/**
 * Someone typing a comment: bursts at 60-110 ms a key, with pauses of 150-700 ms between them, some of them just
 * longer than a 250 ms write batch so that keystrokes meet the write and the re-render that follows it.
 */
export const TYPING: { text: string; delay: number; pause: number }[] = [
  { text: 'Quarterly review ', delay: 90, pause: 300 },
  { text: 'by the AI governance board; ', delay: 70, pause: 260 },
  { text: 'actions are tracked ', delay: 110, pause: 700 },
  { text: 'in the risk register ', delay: 80, pause: 280 },
  { text: '(owner: the CRO, ', delay: 60, pause: 150 },
  { text: 'due end of Q1). ', delay: 100, pause: 450 },
];
export const TYPING_KEYS = TYPING.reduce((n, burst) => n + burst.text.length, 0);

/** Per keystroke: keydown -> the next animation frame at which the field shows the text. */
export async function typingSamples(page: Page, field: string): Promise<number[]> {
  await page.click(field);
  await sleep(PAUSE_MS);
  await call(page, 'armTyping', field);
  for (const burst of TYPING) {
    await page.keyboard.type(burst.text, { delay: burst.delay });
    await sleep(burst.pause);
  }
  return call<number[]>(page, 'stopTyping');
}

/** The last keystroke of a word -> the text is in IndexedDB (Conformo batches typed text for 250 ms). */
export async function durableTypingSamples(
  page: Page,
  field: string,
  assessmentId: string,
  id: string,
  count: number,
): Promise<number[]> {
  await page.click(field);
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.type(` word${i}`, { delay: 70 });
    const expected = await page.inputValue(field);
    samples.push(await call<number>(page, 'durableSinceLastKey', [assessmentId, id], expected));
    await sleep(PAUSE_MS);
  }
  return samples;
}
