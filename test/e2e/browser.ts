import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export { launchChromium } from '../../scripts/chromium';

export const baseUrl = () => inject('baseUrl');

export async function openApp(browser: Browser, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(baseUrl());
  return page;
}

/** Presses Tab (only the keyboard) until the focused element matches `selector` (and `text`, when given). */
export async function tabTo(page: Page, selector: string, text?: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      ([css]) => {
        const element = document.activeElement;
        return element?.matches(css as string) ? (element.textContent ?? '') : null;
      },
      [selector],
    );
    if (focused !== null && (!text || text.test(focused))) return;
  }
  throw new Error(`focus never reached ${selector} ${text ?? ''} with Tab`);
}

export async function expectNoSeriousAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

export async function waitUntilSaved(page: Page): Promise<void> {
  await page.locator('.save-indicator[data-status="saved"]').waitFor();
}

/**
 * After a reload: nothing waits to be written. "Saved" appears only when this page wrote something; when the page
 * before had written everything already, there is nothing to replay and the indicator stays idle.
 */
export async function waitUntilNothingUnsaved(page: Page): Promise<void> {
  // Attached, not visible: the idle indicator is empty.
  await page
    .locator('.save-indicator[data-status="saved"], .save-indicator[data-status="idle"]')
    .waitFor({ state: 'attached' });
}

/** Starts an assessment of the day-one questionnaire and waits for its first section. */
export async function startAssessment(page: Page, title: string) {
  await page.getByLabel('Questionnaire').selectOption({ label: 'AI literacy and prohibited practices (1.0.0)' });
  await page.getByLabel('Title of the assessment').fill(title);
  await page.getByLabel('Organisation').fill('Banque du Kirchberg');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
}

/** The evidence file input of a question card, its panel opened first as a user opens it. */
export async function evidenceInput(card: Locator): Promise<Locator> {
  const input = card.getByLabel('Attach evidence files (at most 25 MB each)');
  if ((await input.count()) === 0) await card.locator('details.evidence-panel > summary').click();
  return input;
}
