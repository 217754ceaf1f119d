/**
 * SurveyJS (bench/surveyjs/, built into bench/dist-surveyjs) on the same generated questionnaire, measured the same
 * way as Conformo (pages for sections); and the control page, which measures the floor of the method itself.
 */
import type { Browser, Page } from 'playwright-core';
import { type Heap, heapAfterGc, newContext, openAndWatch, sleep } from './browser';
import {
  type ArrowRun,
  arrowSamples,
  type ClickTarget,
  clickSamples,
  type SectionTarget,
  sectionSwitchSamples,
  TYPING_KEYS,
  typingSamples,
} from './interactions';
import { clickableQuestions, generateQuestionnaire, questionId, titleOf, typingQuestion } from './questionnaire';
import { type Distribution, distribution, median, round } from './stats';

export interface SurveyJsResult {
  size: number;
  /** Navigation -> the survey's title is on screen (JSON parsed, model built with the seeded answers, rendered). */
  load: { median: number; runs: number[] };
  /** `new Model(json)` and the seeded data done (performance mark in the page), since navigation. */
  model: { median: number; runs: number[] };
  /** Navigation -> the first radio of the first page is enabled. */
  openToInteractive: { median: number; runs: number[] };
  /** The page once interactive (first page shown, the other pages' answers restored): heap after a forced GC. */
  heap: Heap;
  click: { checked: Distribution; updated: Distribution };
  flickers: { clears: number; flickers: number };
  arrows: ArrowRun;
  typing: Distribution;
  /** Click on "Next" -> the first question of the next page within the viewport. */
  sectionSwitch: Distribution;
}

export interface ControlResult {
  click: { checked: Distribution; updated: Distribution };
  typing: Distribution;
}

const RADIO = { selector: 'input[type=radio]:enabled' };
const COUNTER = '.sd-progress__text:not(.sd-hidden)';
const runs = (values: number[]) => ({ median: round(median(values)), runs: values.map((v) => round(v)) });

const target: ClickTarget = {
  input: (id, value) => `[data-name="${id}"] input[value="${value}"]`,
  label: (id, value) => `[data-name="${id}"] label:has(input[value="${value}"])`,
  counter: COUNTER,
  // SurveyJS shows no per-question clear button by default: cleared through the model (not timed).
  clear: async (page, id) => {
    await page.evaluate(`window.survey.clearValue(${JSON.stringify(id)})`);
  },
};

const firstQuestion = (page: number) => `[data-name="${questionId(page, 0)}"]`;
const pages: SectionTarget = {
  next: '.sd-navigation__next-btn',
  firstQuestion,
  toFirst: async (page) => {
    await page.evaluate('window.survey.currentPageNo = 0');
    await page.waitForSelector(firstQuestion(0));
  },
};

export async function measureSurveyJs(
  browser: Browser,
  baseUrl: string,
  size: number,
  plan: { loads: number; clicks: number; arrows: number; switches: number },
  log: (line: string) => void,
): Promise<SurveyJsResult> {
  const questionnaire = generateQuestionnaire(size);
  const context = await newContext(browser);
  const url = `${baseUrl}index.html?size=${size}&data=1`;
  const load: number[] = [];
  const model: number[] = [];
  const open: number[] = [];
  let page: Page | undefined;
  for (let run = 0; run <= plan.loads; run += 1) {
    await page?.close();
    const opened = await openAndWatch(
      context,
      url,
      { title: { selector: '.sd-header__text .sd-title', text: titleOf(size) }, radio: RADIO },
      'radio',
    );
    page = opened.page;
    if (run === 0) continue;
    load.push(opened.seen.title as number);
    open.push(opened.seen.radio as number);
    model.push((await page.evaluate(`performance.getEntriesByName('bench:model')[0]?.startTime ?? -1`)) as number);
  }
  const p = page as Page;
  log(`SurveyJS load ${runs(load).median} ms, open -> interactive ${runs(open).median} ms`);
  await sleep(500);
  const heap = await heapAfterGc(p);
  log(`SurveyJS heap after load ${(heap.used / 1048576).toFixed(1)} MB`);
  const clicks = await clickSamples(p, target, clickableQuestions(questionnaire, 0), plan.clicks);
  const arrows = await arrowSamples(p, target, clickableQuestions(questionnaire, 0), plan.arrows);
  const typing = await typingSamples(p, `[data-name="${typingQuestion(questionnaire, 0)}"] textarea`);
  if (typing.length < TYPING_KEYS) log(`warning: ${typing.length} of ${TYPING_KEYS} keystrokes measured`);
  const switches = await sectionSwitchSamples(p, pages, questionnaire.sections.length, plan.switches);
  await context.close();
  const result: SurveyJsResult = {
    size,
    load: runs(load),
    model: runs(model),
    openToInteractive: runs(open),
    heap,
    click: {
      checked: distribution(clicks.samples.map((c) => c.checked)),
      updated: distribution(clicks.samples.map((c) => c.updated)),
    },
    flickers: { clears: clicks.clears, flickers: clicks.flickers },
    arrows,
    typing: distribution(typing),
    sectionSwitch: distribution(switches),
  };
  log(
    `SurveyJS click p95 ${result.click.updated.p95} ms, typing p95 ${result.typing.p95} ms, section switch p95 ${result.sectionSwitch.p95} ms`,
  );
  return result;
}

/** A plain page whose handlers do almost nothing: what the method measures when the application costs nothing. */
export async function measureControl(browser: Browser, baseUrl: string, clicks: number): Promise<ControlResult> {
  const context = await newContext(browser);
  const { page } = await openAndWatch(context, `${baseUrl}control.html`, { radio: RADIO }, 'radio');
  const controlTarget: ClickTarget = {
    input: (_id, value) => `#c-${value}`,
    label: (_id, value) => `label[for="c-${value}"]`,
    counter: '#counter',
    clear: async (p) => {
      await p.click('#clear');
    },
  };
  const samples = await clickSamples(page, controlTarget, ['c'], clicks);
  const typing = await typingSamples(page, '#text');
  await context.close();
  return {
    click: {
      checked: distribution(samples.samples.map((c) => c.checked)),
      updated: distribution(samples.samples.map((c) => c.updated)),
    },
    typing: distribution(typing),
  };
}
