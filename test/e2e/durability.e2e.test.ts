import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, startAssessment, waitUntilNothingUnsaved, waitUntilSaved } from './browser';
import { killBrowser, launchProfile, removeProfiles } from './profile';

/**
 * Whatever saves data, tried the hard way: the browser killed, the page reloaded right after the last keystroke or
 * click, moves between assessments by every route. Each test reads IndexedDB itself, not the app's view of it.
 */

afterAll(removeProfiles);

interface StoredAnswer {
  assessmentId: string;
  questionId: string;
  value?: unknown;
  comment?: string;
}

/** The answers table, read with IndexedDB's own API. */
function storedAnswers(page: Page): Promise<StoredAnswer[]> {
  return page.evaluate(
    () =>
      new Promise<StoredAnswer[]>((resolve, reject) => {
        const request = indexedDB.open('conformo');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction('answers').objectStore('answers').getAll();
          read.onsuccess = () => {
            db.close();
            resolve(read.result as StoredAnswer[]);
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

const assessmentIdOf = (page: Page) => /#\/assessments\/([^/]+)/.exec(page.url())?.[1] ?? '';
const question = (page: Page, text: RegExp) => page.getByRole('article', { name: text });
const COMMENT = 'Your comment (actions, owners, evidence references)';

async function commentField(page: Page, text: RegExp) {
  const card = question(page, text);
  const field = card.getByLabel(COMMENT);
  if (!(await field.isVisible())) await card.locator('details.comment > summary').click();
  return field;
}

describe('nothing given is lost', () => {
  it('keeps steady typing that goes on for seconds when the browser is killed 100 ms after the last key', async () => {
    const profile = await launchProfile(baseUrl());
    const { page, dir } = profile;
    await startAssessment(page, 'Killed while typing');
    const id = assessmentIdOf(page);
    const text = 'Risk owners: the CISO for security, the DPO for personal data; reviewed each quarter. '.repeat(4);
    const typed = text.slice(0, 300);
    const field = await commentField(page, /Who is responsible/);
    await field.click();
    // About 47 ms a key, as a steady typist: a debounce that restarts on every key would never write.
    await page.keyboard.type(typed, { delay: 47 });
    await page.waitForTimeout(100);
    await killBrowser(profile);

    const again = await launchProfile(baseUrl(), dir);
    const comment = (await storedAnswers(again.page)).find((a) => a.assessmentId === id)?.comment ?? '';
    // Durable within 250 ms of a change (plus the write itself): at most the last few keys may be gone.
    expect(typed.startsWith(comment)).toBe(true);
    expect(comment.length).toBeGreaterThanOrEqual(typed.length - 8);
    await again.context.close();
  });

  it('keeps what was typed through a reload 0, 50, 100 or 200 ms after the last key, also after leaving the field', async () => {
    const { context, page } = await launchProfile(baseUrl());
    await startAssessment(page, 'Reloaded while typing');
    const id = assessmentIdOf(page);
    const cases = [
      { delay: 0, card: /is your organisation a/, leave: false },
      { delay: 50, card: /List the AI systems/, leave: false },
      { delay: 100, card: /How many staff members/, leave: false },
      { delay: 200, card: /Has your organisation taken measures/, leave: false },
      { delay: 0, card: /Who is responsible/, leave: true },
    ];
    for (const { delay, card, leave } of cases) {
      const text = `Reloaded ${delay} ms after the last key${leave ? ', having left the field' : ''}`;
      const field = await commentField(page, card);
      await field.click();
      await page.keyboard.type(text);
      if (leave) await page.keyboard.press('Tab');
      if (delay > 0) await page.waitForTimeout(delay);
      await page.reload();
      await page.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
      await expect.poll(async () => (await commentField(page, card)).inputValue()).toBe(text);
    }
    await waitUntilNothingUnsaved(page);
    const stored = async () =>
      (await storedAnswers(page))
        .filter((a) => a.assessmentId === id)
        .map((a) => a.comment)
        .sort();
    // In IndexedDB, whichever page wrote it: the one that was reloaded, or this one replaying its journal.
    await expect
      .poll(stored)
      .toEqual(
        [
          'Reloaded 0 ms after the last key',
          'Reloaded 50 ms after the last key',
          'Reloaded 100 ms after the last key',
          'Reloaded 200 ms after the last key',
          'Reloaded 0 ms after the last key, having left the field',
        ].sort(),
      );
    await context.close();
  });

  it('keeps a click when the browser is killed right after it', async () => {
    const profile = await launchProfile(baseUrl());
    const { page, dir } = profile;
    await startAssessment(page, 'Killed after a click');
    const id = assessmentIdOf(page);
    await question(page, /is your organisation a/)
      .getByRole('radio', { name: 'Deployer', exact: true })
      .check();
    await waitUntilSaved(page);
    await killBrowser(profile);
    const again = await launchProfile(baseUrl(), dir);
    expect((await storedAnswers(again.page)).find((a) => a.assessmentId === id)?.value).toBe('deployer');
    await again.context.close();
  });
});

describe('an answer lands in the assessment on screen', () => {
  async function twoAssessments() {
    const { context, page } = await launchProfile(baseUrl());
    await startAssessment(page, 'System A');
    const a = assessmentIdOf(page);
    await page.getByRole('link', { name: 'Conformo' }).click();
    await startAssessment(page, 'System B');
    const b = assessmentIdOf(page);
    return { context, page, a, b };
  }
  const role = (page: Page, name: string) =>
    question(page, /is your organisation a/).getByRole('radio', { name, exact: true });
  const valueIn = async (page: Page, assessmentId: string) =>
    (await storedAnswers(page)).find((x) => x.assessmentId === assessmentId && x.questionId === 'org-role')?.value;

  it('moving between two assessments from home, by the address, and back and forward in history', async () => {
    const { context, page, a, b } = await twoAssessments();
    expect(await storedAnswers(page)).toEqual([]);

    // B is on screen: a click is B's.
    await role(page, 'Provider').check();
    await waitUntilSaved(page);

    // From home to A: A shows nothing chosen, and a click there is A's.
    await page.getByRole('link', { name: 'Conformo' }).click();
    await page
      .getByRole('link', { name: /System A/ })
      .first()
      .click();
    await page.getByText('System A ·').waitFor();
    expect(await role(page, 'Provider').isChecked()).toBe(false);
    await role(page, 'Deployer').check();
    await waitUntilSaved(page);
    expect(await role(page, 'Deployer').isChecked()).toBe(true);

    // By the address, to B: B's answer on screen, and a new click is B's.
    await page.evaluate((id) => {
      window.location.hash = `#/assessments/${id}`;
    }, b);
    await page.getByText('System B ·').waitFor();
    await expect.poll(() => role(page, 'Provider').isChecked()).toBe(true);
    await role(page, 'Both provider and deployer').check();
    await waitUntilSaved(page);

    // Back in history: A again, with A's answer; a click is A's.
    await page.goBack();
    await page.getByText('System A ·').waitFor();
    await expect.poll(() => role(page, 'Deployer').isChecked()).toBe(true);
    await role(page, 'Provider').check();
    await waitUntilSaved(page);

    // Forward: B, unchanged by what happened in A.
    await page.goForward();
    await page.getByText('System B ·').waitFor();
    await expect.poll(() => role(page, 'Both provider and deployer').isChecked()).toBe(true);

    expect(await valueIn(page, a)).toBe('provider');
    expect(await valueIn(page, b)).toBe('both');
    await context.close();
  });

  it('typing in one assessment and moving to another at once writes the text where it was typed', async () => {
    const { context, page, a, b } = await twoAssessments();
    const field = await commentField(page, /Who is responsible/);
    await field.click();
    await page.keyboard.type('typed in B');
    await page.evaluate((id) => {
      window.location.hash = `#/assessments/${id}`;
    }, a);
    await page.getByText('System A ·').waitFor();
    expect(await (await commentField(page, /Who is responsible/)).inputValue()).toBe('');
    await waitUntilSaved(page);
    const answers = await storedAnswers(page);
    expect(answers.filter((x) => x.assessmentId === b).map((x) => x.comment)).toEqual(['typed in B']);
    expect(answers.filter((x) => x.assessmentId === a)).toEqual([]);
    await context.close();
  });
});

describe('two tabs', () => {
  it('both typing at once into the same assessment: nothing lost, each text where it was typed', async () => {
    const { context, page: first } = await launchProfile(baseUrl());
    await startAssessment(first, 'Two typists');
    const id = assessmentIdOf(first);
    const second = await context.newPage();
    await second.goto(first.url());
    await second.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
    const one = await commentField(first, /List the AI systems/);
    const two = await commentField(second, /Who is responsible/);
    await one.click();
    await two.click();
    await Promise.all([
      first.keyboard.type('first tab types here', { delay: 20 }),
      second.keyboard.type('second tab types there', { delay: 20 }),
    ]);
    await Promise.all([first.reload(), second.reload()]);
    await first.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
    await expect
      .poll(async () =>
        (await storedAnswers(first))
          .filter((a) => a.assessmentId === id)
          .map((a) => `${a.questionId}: ${a.comment}`)
          .sort(),
      )
      .toEqual(['ai-systems-inventory: first tab types here', 'art4-owner: second tab types there'].sort());
    await context.close();
  });
});
