import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchChromium, openApp } from './browser';

/** Screenshots to look at by eye (not committed). */
const SHOTS = '/tmp/ui-shots';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Starts, in German, an assessment of the internal-control questionnaire: 20 sections, the longest titles. */
async function startGermanAssessment(page: Page, title: string) {
  const select = page.getByLabel('Fragebogen');
  await select.locator('option', { hasText: 'internen Kontrolle' }).waitFor({ state: 'attached' });
  const options = await select.locator('option').allTextContents();
  const label = options.find((o) => o.startsWith('Konformitätsbewertung auf der Grundlage einer internen Kontrolle'));
  if (!label) throw new Error(`no internal-control questionnaire among ${options.join(', ')}`);
  await select.selectOption({ label });
  await page.getByLabel('Titel der Bewertung').fill(title);
  await page.getByRole('button', { name: 'Bewertung beginnen' }).click();
  await page.getByRole('heading', { level: 2, name: /^1\. Umfang dieser Bewertung/ }).waitFor();
}

/** Elements of the section list whose content is wider than their box, and counts that stick out of their item. */
function sectionListOverflow(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const item of document.querySelectorAll('.section-list li')) {
      const box = item.getBoundingClientRect();
      for (const element of [item, ...item.querySelectorAll('a, span')]) {
        if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) {
          problems.push(`${element.className || element.tagName}: ${element.scrollWidth} > ${element.clientWidth}`);
        }
      }
      const count = item.querySelector('.section-count')?.getBoundingClientRect();
      if (count && count.right > box.right + 0.5) problems.push(`count of "${item.textContent}" sticks out`);
    }
    return problems;
  });
}

/** How much wider than the window the page is (0 when nothing makes it scroll sideways). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('layout in German, on a desktop and on a phone', () => {
  it('keeps every section title and count inside the section list at 1280 px', async () => {
    const page = await openApp(browser, 'de-DE');
    await page.setViewportSize(DESKTOP);
    await startGermanAssessment(page, 'Layout 1280');
    expect(await page.locator('.section-list li').count()).toBe(21);
    expect(await sectionListOverflow(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/layout-de-1280.png` });
    await expectNoSeriousAxeViolations(page, 'assessment, de, 1280 px');
    await page.context().close();
  });

  it('folds the section list on a phone, so the first question is on the first screen', async () => {
    const page = await openApp(browser, 'de-DE');
    await page.setViewportSize(PHONE);
    await startGermanAssessment(page, 'Layout 390');
    const toggle = page.getByRole('button', { name: /^Abschnitte 1\. Umfang dieser Bewertung 0 von 5/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.section-list').isVisible()).toBe(false);
    const first = await page.getByRole('article').first().boundingBox();
    expect(first?.y).toBeLessThan(PHONE.height - 100);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/layout-de-390.png` });
    await expectNoSeriousAxeViolations(page, 'assessment, de, 390 px, list folded');

    // Keyboard only: open the list, choose a section; the list folds again and focus moves to the new section.
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await sectionListOverflow(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/layout-de-390-open.png` });
    await expectNoSeriousAxeViolations(page, 'assessment, de, 390 px, list open');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /^2\. Artikel 8/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await page.getByRole('button', { name: /^Abschnitte 2\. Artikel 8/ }).getAttribute('aria-expanded')).toBe(
      'false',
    );

    await page.getByRole('button', { name: /^Abschnitte/ }).click();
    await page.locator('.section-list').getByRole('link', { name: 'Zusammenfassung' }).click();
    await page.getByRole('heading', { level: 2, name: 'Zusammenfassung' }).waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/summary-de-390.png`, fullPage: true });
    await expectNoSeriousAxeViolations(page, 'summary, de, 390 px');
    await page.context().close();
  });

  it('shows the real storage use on an assessment page right after answering, never "0 Byte"', async () => {
    const page = await openApp(browser, 'de-DE');
    await startGermanAssessment(page, 'Speicher');
    await page.getByRole('article').first().getByRole('radio', { name: 'Ja', exact: true }).check();
    await page.locator('.save-indicator[data-status="saved"]').waitFor();
    const line = page.locator('.storage-panel p').first();
    await expect.poll(() => line.textContent()).toMatch(/ · [\d.,]+\s(kB|MB|GB) von [\d.,]+\s(MB|GB|TB) belegt$/);
    expect(await line.textContent()).not.toMatch(/ 0\sByte/);
    await page.context().close();
  });

  it('exports one assessment from its card on the home screen, as a PDF report and as a JSON backup', async () => {
    const page = await openApp(browser, 'de-DE');
    await startGermanAssessment(page, 'Export von der Karte');
    await page.getByRole('link', { name: 'Conformo' }).click();
    const card = page.locator('.assessment-item', { hasText: 'Export von der Karte' });
    await page.setViewportSize(PHONE);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/home-de-390.png`, fullPage: true });
    await expectNoSeriousAxeViolations(page, 'home, de, 390 px');

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'JSON-Sicherung: Export von der Karte' }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^conformo-backup-export-von-der-karte-\d{4}-\d{2}-\d{2}\.json$/);
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'PDF-Bericht: Export von der Karte' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^conformo-export-von-der-karte-de-\d{4}-\d{2}-\d{2}\.pdf$/);
    await card.getByText('Der Bericht wurde heruntergeladen.').waitFor();
    await page.context().close();
  });
});
