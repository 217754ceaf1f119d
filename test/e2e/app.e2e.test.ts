import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  launchChromium,
  openApp,
  startAssessment,
  tabTo,
  waitUntilSaved,
} from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const question = (page: Page, text: RegExp) => page.getByRole('article', { name: text });

describe('Conformo in Chromium', () => {
  it('keeps an answer of every type across a reload', async () => {
    const page = await openApp(browser);
    await startAssessment(page, 'Literacy 2026');
    await question(page, /is your organisation a/)
      .getByRole('radio', { name: 'Deployer', exact: true })
      .check();
    await question(page, /List the AI systems/)
      .getByRole('textbox')
      .fill('Chatbot « Léa » – 12 000 € par an');
    await question(page, /How many staff members/)
      .getByRole('spinbutton')
      .fill('42');
    await question(page, /Has your organisation taken measures/)
      .getByRole('radio', { name: 'Partially conform' })
      .check();
    await question(page, /Which groups of people/)
      .getByRole('checkbox')
      .first()
      .check();
    // Written as the interface language writes dates (en-GB: dd/mm/yyyy), whatever the browser does with dates.
    await question(page, /Date of the last AI literacy training/)
      .getByRole('textbox')
      .fill('15/10/2026');
    await question(page, /Who is responsible/)
      .getByRole('textbox')
      .fill('Head of compliance');
    await page.getByRole('heading', { level: 2 }).click();
    await waitUntilSaved(page);

    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
    await expect
      .poll(() =>
        question(page, /is your organisation a/)
          .getByRole('radio', { name: 'Deployer', exact: true })
          .isChecked(),
      )
      .toBe(true);
    expect(
      await question(page, /List the AI systems/)
        .getByRole('textbox')
        .inputValue(),
    ).toBe('Chatbot « Léa » – 12 000 € par an');
    expect(
      await question(page, /How many staff members/)
        .getByRole('spinbutton')
        .inputValue(),
    ).toBe('42');
    expect(
      await question(page, /Has your organisation taken measures/)
        .getByRole('radio', { name: 'Partially conform' })
        .isChecked(),
    ).toBe(true);
    expect(
      await question(page, /Which groups of people/)
        .getByRole('checkbox')
        .first()
        .isChecked(),
    ).toBe(true);
    expect(
      await question(page, /Date of the last AI literacy training/)
        .getByRole('textbox')
        .inputValue(),
    ).toBe('15/10/2026');
    expect(
      await question(page, /Who is responsible/)
        .getByRole('textbox')
        .inputValue(),
    ).toBe('Head of compliance');
    await page.context().close();
  });

  it('follows the browser language on the first visit, then switches interface and content', async () => {
    const page = await openApp(browser, 'de-LU');
    await page.getByRole('heading', { name: 'Neue Bewertung' }).waitFor();
    await page.getByLabel('Sprache').selectOption('en');
    await startAssessment(page, 'Languages');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 2, name: /^1\. Maîtrise de l’IA/ }).waitFor();
    expect(await page.getByRole('radio', { name: 'Partiellement conforme' }).count()).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByLabel('Langue').selectOption('de');
    await page.getByRole('heading', { level: 2, name: /^1\. KI-Kompetenz/ }).waitFor();
    expect(await page.getByRole('radio', { name: 'Teilweise konform' }).count()).toBeGreaterThan(0);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^1\. KI-Kompetenz/ }).waitFor();
    await page.context().close();
  });

  it('completes a section with the keyboard alone', async () => {
    const page = await openApp(browser);
    await startAssessment(page, 'Keyboard');
    await tabTo(page, 'nav a', /Prohibited/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /^2\. Prohibited/ }).waitFor();
    await tabTo(page, 'input[type="checkbox"][value="none"]');
    await page.keyboard.press('Space');
    for (const name of ['art5-1a-manipulation', 'art5-1b-vulnerabilities']) {
      await tabTo(page, `input[type="radio"][name="q-${name}"]`);
      await page.keyboard.press('Space');
    }
    await waitUntilSaved(page);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect.poll(() => nav.getByRole('link', { name: /Prohibited/ }).textContent()).toMatch(/3 of 3/);
    await page.context().close();
  });

  it('keeps two tabs on the same assessment current', async () => {
    const first = await openApp(browser);
    await startAssessment(first, 'Two tabs');
    const second = await first.context().newPage();
    await second.goto(first.url());
    await second.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
    await question(first, /is your organisation a/)
      .getByRole('radio', { name: 'Provider', exact: true })
      .check();
    await expect
      .poll(() =>
        question(second, /is your organisation a/)
          .getByRole('radio', { name: 'Provider', exact: true })
          .isChecked(),
      )
      .toBe(true);
    await question(second, /Who is responsible/)
      .getByRole('textbox')
      .fill('DPO');
    await second.getByRole('heading', { level: 2 }).click();
    await expect
      .poll(() =>
        question(first, /Who is responsible/)
          .getByRole('textbox')
          .inputValue(),
      )
      .toBe('DPO');
    await first.context().close();
  });

  it('lists all the built-in questionnaires on the home screen', async () => {
    const page = await openApp(browser);
    const select = page.getByLabel('Questionnaire');
    await expect.poll(() => select.locator('option').count()).toBe(6);
    const options = await select.locator('option').allTextContents();
    for (const title of [/AI Act/i, /Annex VI/i, /lifecycle/i, /model/i, /[Cc]ybersecurity/, /AI literacy/]) {
      expect(
        options.some((o) => title.test(o)),
        String(title),
      ).toBe(true);
    }
    await page.context().close();
  });

  it('has no serious or critical accessibility violation on any screen', async () => {
    const page = await openApp(browser);
    await page.getByRole('heading', { name: 'New assessment' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'home');
    await startAssessment(page, 'Accessibility');
    await question(page, /Has your organisation taken measures/)
      .getByRole('radio', { name: 'Not applicable' })
      .check();
    await page.getByText('What this means').first().click();
    await expectNoSeriousAxeViolations(page, 'section');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Summary' }).click();
    await page.getByRole('heading', { level: 2, name: 'Summary' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'summary');
    await page.goto(page.url().replace(/#.*/, '#/'));
    await page.getByRole('heading', { name: 'Your assessments' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'home with assessments');
    await page.context().close();
  });

  it('renders hostile text as text', async () => {
    const page = await openApp(browser);
    await startAssessment(page, '<img src=x onerror=alert(1)>');
    const payload = '<script>window.pwned=1</script><img src=x onerror="window.pwned=1">\u202Eevil';
    await question(page, /Who is responsible/)
      .getByRole('textbox')
      .fill(payload);
    await page.getByRole('heading', { level: 2 }).click();
    await waitUntilSaved(page);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
    expect(
      await question(page, /Who is responsible/)
        .getByRole('textbox')
        .inputValue(),
    ).toBe(payload);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    await page.context().close();
  });
});
