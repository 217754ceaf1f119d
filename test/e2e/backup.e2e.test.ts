import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  doublyDeflatedObjectStream,
  hugeXRefIndex,
  manyEmptyObjects,
  sharedKidsNameTree,
} from '../backup/hostile-files';
import { expectNoSeriousAxeViolations, launchChromium, openApp, startAssessment, waitUntilSaved } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const MEASURES = /Has your organisation taken measures/;
const SYSTEMS = /List the AI systems/;
const importInput = (page: Page) => page.getByLabel('Import a backup or report');
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

async function answerMeasures(page: Page, label: string) {
  await page.getByRole('article', { name: MEASURES }).getByRole('radio', { name: label, exact: true }).check();
  await waitUntilSaved(page);
}

async function goHome(page: Page) {
  await page.getByRole('link', { name: 'Conformo', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Backups' }).waitFor();
}

async function exportEverything(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export everything' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^conformo-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(mkdtempSync(join(tmpdir(), 'conformo-backup-')), download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

describe('backups in Chromium', () => {
  it('exports a backup, restores it in a fresh browser profile, and finds the answers again', async () => {
    const page = await openApp(browser);
    await startAssessment(page, 'Backup « round trip » ≥ 1');
    await answerMeasures(page, 'Not conform');
    await page.getByRole('article', { name: SYSTEMS }).getByRole('textbox').fill('Chatbot « Léa » – 12 000 €');
    await page.getByRole('heading', { level: 2 }).first().click();
    await waitUntilSaved(page);
    await goHome(page);
    const file = await exportEverything(page);
    const backup = JSON.parse(readFileSync(file, 'utf8'));
    expect(backup).toMatchObject({ format: 'conformo.backup', formatVersion: 1, app: 'Conformo' });
    await page.context().close();

    // A new context has no site data at all: as on another computer.
    const fresh = await openApp(browser);
    await fresh.getByText('No assessment yet').waitFor();
    await importInput(fresh).setInputFiles(file);
    await status(fresh, '1 assessment imported.').waitFor();
    await fresh.getByRole('link', { name: 'Backup « round trip » ≥ 1' }).click();
    const measures = fresh.getByRole('article', { name: MEASURES });
    await expect.poll(() => measures.getByRole('radio', { name: 'Not conform' }).isChecked()).toBe(true);
    expect(await fresh.getByRole('article', { name: SYSTEMS }).getByRole('textbox').inputValue()).toBe(
      'Chatbot « Léa » – 12 000 €',
    );

    // The same file again: recognised, nothing duplicated.
    await goHome(fresh);
    await importInput(fresh).setInputFiles(file);
    await status(fresh, '1 assessment already present: nothing to import.').waitFor();
    expect(await fresh.getByRole('link', { name: 'Backup « round trip » ≥ 1' }).count()).toBe(1);
    await fresh.context().close();
  });

  it('shows why a corrupted or foreign file is refused, and changes nothing', async () => {
    const page = await openApp(browser);
    await page.getByText('No assessment yet').waitFor();
    await importInput(page).setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "conformo.backup", "formatVersion": 1, "assessments": [{'),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'broken.json was not imported.' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The file is damaged or is not JSON');
    await importInput(page).setInputFiles({
      name: 'drawing.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ type: 'excalidraw', version: 2, elements: [] })),
    });
    await page.getByRole('alert').filter({ hasText: 'This is not a Conformo backup' }).waitFor();
    await page.getByText('No assessment yet').waitFor();
    await page.context().close();
  });

  it("refuses files built to exhaust the reader in a worker of their own, in the user's language", async () => {
    const page = await openApp(browser, 'de-DE');
    await page.getByText('Noch keine Bewertung').waitFor();
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const hostile = [
      { name: 'bombe.pdf', bytes: doublyDeflatedObjectStream() },
      { name: 'index.pdf', bytes: hugeXRefIndex() },
      { name: 'baum.pdf', bytes: sharedKidsNameTree() },
      { name: 'leer.json', bytes: manyEmptyObjects(4_100_000) },
    ];
    for (const [i, file] of hostile.entries()) {
      await page
        .getByLabel('Sicherung oder Bericht importieren')
        .setInputFiles({ name: file.name, buffer: Buffer.from(file.bytes), mimeType: 'application/octet-stream' });
      const alert = page.getByRole('alert').filter({ hasText: `${file.name} wurde nicht importiert.` });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Diese Datei ist anders aufgebaut als jede Sicherung');
      // The page answered throughout: the file was read by a worker, one per import, ended afterwards.
      expect(workers).toHaveLength(i + 1);
    }
    expect(workers.every((url) => /read-worker/.test(url))).toBe(true);
    await page.getByText('Noch keine Bewertung').waitFor();
    await page.context().close();
  });

  it('asks in an accessible dialog before touching an assessment that is already stored', async () => {
    const page = await openApp(browser);
    await startAssessment(page, 'Collision test');
    await answerMeasures(page, 'Partially conform');
    await goHome(page);
    const file = await exportEverything(page);
    await page.getByRole('link', { name: 'Collision test' }).click();
    await answerMeasures(page, 'Conform');
    await goHome(page);

    await importInput(page).focus();
    await importInput(page).setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Already on this device' });
    await dialog.waitFor();
    await expectNoSeriousAxeViolations(page, 'import conflict dialog');
    // The stored assessment is newer: replacing it is not offered.
    expect(await dialog.getByRole('radio', { name: /Replace/ }).count()).toBe(0);
    const keepBoth = dialog.getByRole('radio', { name: /^Keep both/ });
    await expect.poll(() => keepBoth.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Focus goes back to where the import started.
    expect(await importInput(page).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('link', { name: /^Collision test/ }).count()).toBe(1);

    await importInput(page).setInputFiles(file);
    await dialog.waitFor();
    // Keyboard only: Tab from the chosen option reaches the Import button, and focus stays in the dialog.
    const importButton = dialog.getByRole('button', { name: 'Import' });
    let reached = false;
    for (let i = 0; i < 10 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      reached = await importButton.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await status(page, '1 assessment imported as a copy, next to the one already on this device.').waitFor();
    await page.getByRole('link', { name: 'Collision test (imported)' }).click();
    await expect
      .poll(() =>
        page.getByRole('article', { name: MEASURES }).getByRole('radio', { name: 'Partially conform' }).isChecked(),
      )
      .toBe(true);
    await page.context().close();
  });

  it('imports the assessment attached to a PDF report', async () => {
    const page = await openApp(browser);
    await startAssessment(page, 'From a PDF');
    await answerMeasures(page, 'Not conform');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Summary' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the PDF report' }).click(),
    ]);
    const pdf = join(mkdtempSync(join(tmpdir(), 'conformo-pdf-')), 'report.pdf');
    await download.saveAs(pdf);
    await page.context().close();

    const fresh = await openApp(browser);
    await fresh.getByText('No assessment yet').waitFor();
    await importInput(fresh).setInputFiles(pdf);
    await status(fresh, '1 assessment imported.').waitFor();
    await fresh.getByRole('link', { name: 'From a PDF' }).click();
    await expect
      .poll(() =>
        fresh.getByRole('article', { name: MEASURES }).getByRole('radio', { name: 'Not conform' }).isChecked(),
      )
      .toBe(true);
    await fresh.context().close();
  });
});
