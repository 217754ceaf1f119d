import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, startAssessment, waitUntilSaved } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Share of non-white pixels in a greyscale PGM rendered by pdftoppm. */
function inkRatio(pgmFile: string): number {
  const data = readFileSync(pgmFile);
  const header = data.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const pixels = data.subarray(header[0].length);
  let ink = 0;
  for (const value of pixels) if (value < 200) ink += 1;
  return ink / pixels.length;
}

describe('PDF export in Chromium', () => {
  it('downloads a valid report in the chosen language, whose first page is not blank', async () => {
    const page = await openApp(browser);
    await startAssessment(page, 'Export « test » ≥ 1');
    await page
      .getByRole('article', { name: /Has your organisation taken measures/ })
      .getByRole('radio', { name: 'Not conform' })
      .check();
    await waitUntilSaved(page);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Summary' }).click();
    await page.getByLabel('Language of the report').selectOption('fr');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the PDF report' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^conformo-export-test-1-fr-\d{4}-\d{2}-\d{2}\.pdf$/);
    const dir = mkdtempSync(join(tmpdir(), 'conformo-download-'));
    const file = join(dir, 'report.pdf');
    await download.saveAs(file);
    await page.getByText('The report has been downloaded.').waitFor();

    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(
      /No syntax or stream encoding errors/,
    );
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Rapport d’évaluation');
    expect(text).toContain('Export « test » ≥ 1');
    expect(text).toContain('Non conforme');
    const attached = JSON.parse(
      execFileSync('qpdf', ['--show-attachment=assessment.json', file], { encoding: 'utf8' }),
    );
    expect(attached.assessment.title).toBe('Export « test » ≥ 1');

    execFileSync('pdftoppm', ['-r', '30', '-gray', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const rendered = execFileSync('ls', [dir], { encoding: 'utf8' })
      .split('\n')
      .find((f) => f.endsWith('.pgm'));
    expect(rendered).toBeDefined();
    expect(inkRatio(join(dir, rendered as string))).toBeGreaterThan(0.005);
    await page.context().close();
  });
});
