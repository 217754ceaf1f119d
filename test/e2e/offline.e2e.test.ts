import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, startAssessment, waitUntilSaved } from './browser';

const dist = join(import.meta.dirname, '../../dist');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const question = (page: Page, text: RegExp) => page.getByRole('article', { name: text });

describe('the service worker build', () => {
  it('precaches every file of the app: entry and lazy chunks, CSS, fonts, icons, manifest', () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const precached = new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]));
    const assets = readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`);
    // No source maps are shipped: they would hand out the source layout of every deployment.
    expect(assets.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(assets.some((f) => f.endsWith('.ttf'))).toBe(true);
    expect(assets.some((f) => /^assets\/report-.*\.js$/.test(f))).toBe(true);
    // The import reader runs in a worker of its own, and works offline too.
    expect(assets.some((f) => /^assets\/read-worker-.*\.js$/.test(f))).toBe(true);
    const icons = readdirSync(join(dist, 'icons')).map((f) => `icons/${f}`);
    for (const file of [...assets, ...icons, 'index.html', 'manifest.webmanifest', 'favicon.svg']) {
      expect(precached.has(file), file).toBe(true);
    }
  });

  it('has a web app manifest that makes Conformo installable', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({
      name: 'Conformo',
      start_url: './',
      display: 'standalone',
      theme_color: '#123d6a',
    });
    const icon = (size: string, purpose: string) =>
      manifest.icons.find((i: { sizes: string; purpose: string }) => i.sizes === size && i.purpose === purpose);
    for (const [size, purpose] of [
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ] as const) {
      const entry = icon(size, purpose);
      expect(entry, `${size} ${purpose}`).toBeDefined();
      const png = readFileSync(join(dist, entry.src));
      // PNG signature, then the IHDR width and height.
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(size);
    }
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toMatch(
      /<link rel="manifest" href="\/manifest.webmanifest">/,
    );
  });
});

describe('Conformo offline, in Chromium', () => {
  it('reloads with the questionnaire and the answers, and exports the PDF report, without a network', async () => {
    const page = await openApp(browser);
    // The first install takes control of the page at once (clientsClaim): offline works after this first visit.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.getByText('Conformo works offline on this device.').waitFor();

    await startAssessment(page, 'Offline « test »');
    await question(page, /Has your organisation taken measures/)
      .getByRole('radio', { name: 'Not conform' })
      .check();
    await question(page, /Who is responsible/)
      .getByRole('textbox')
      .fill('Délégué à la protection des données');
    await page.getByRole('heading', { level: 2 }).click();
    await waitUntilSaved(page);

    const context = page.context();
    await context.setOffline(true);
    await page.reload();
    // Only the precache answers: a file the service worker does not hold cannot be fetched.
    const network = await page.evaluate(() =>
      fetch(`/not-precached-${Date.now()}.txt`).then(
        () => 'reachable',
        () => 'offline',
      ),
    );
    expect(network).toBe('offline');

    await page.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
    await expect
      .poll(() =>
        question(page, /Has your organisation taken measures/)
          .getByRole('radio', { name: 'Not conform' })
          .isChecked(),
      )
      .toBe(true);
    expect(
      await question(page, /Who is responsible/)
        .getByRole('textbox')
        .inputValue(),
    ).toBe('Délégué à la protection des données');

    // The report chunk (pdf-lib, fontkit) and the DejaVu fonts come from the precache.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Summary' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the PDF report' }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'conformo-offline-')), 'report.pdf');
    await download.saveAs(file);
    await page.getByText('The report has been downloaded.').waitFor();
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(
      /No syntax or stream encoding errors/,
    );
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Offline « test »');
    expect(text).toContain('Délégué à la protection des données');
    await context.close();
  });
});

describe('a new version, in Chromium', () => {
  it('waits for the user, then takes over and reloads without losing what was typed', async () => {
    // A copy of the build on its own server, so that a "new version" can be published without touching dist/.
    const copy = join(mkdtempSync(join(tmpdir(), 'conformo-update-')), 'dist');
    cpSync(dist, copy, { recursive: true });
    const root = join(import.meta.dirname, '../..');
    const server = await preview({
      root,
      logLevel: 'error',
      build: { outDir: copy },
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    try {
      const url = server.resolvedUrls?.local[0] as string;
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      await startAssessment(page, 'Update');

      // Publish a new version: any change to sw.js makes the browser install a new worker on the next check.
      appendFileSync(join(copy, 'sw.js'), '\n// next version\n');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const update = page.getByRole('button', { name: 'Update now' });
      await update.waitFor();
      expect(await page.getByRole('status').filter({ hasText: 'A new version of Conformo is ready.' }).count()).toBe(1);
      const waitingBefore = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return registration?.waiting?.scriptURL !== undefined;
      });
      expect(waitingBefore).toBe(true);

      // Typing still batched when the user clicks: it must be saved before the page reloads.
      await question(page, /Who is responsible/)
        .getByRole('textbox')
        .fill('Typed just before the update');
      const reloaded = page.waitForEvent('framenavigated');
      await update.click();
      await reloaded;

      await page.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
      await expect
        .poll(() =>
          question(page, /Who is responsible/)
            .getByRole('textbox')
            .inputValue(),
        )
        .toBe('Typed just before the update');
      const after = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: registration?.waiting !== null, active: registration?.active?.state };
      });
      expect(after).toEqual({ waiting: false, active: 'activated' });
      expect(
        await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type),
      ).toBe('reload');
      expect(await update.count()).toBe(0);
      await context.close();
    } finally {
      await server.close();
    }
  });
});
