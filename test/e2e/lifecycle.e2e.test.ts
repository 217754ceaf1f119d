import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceInput, launchChromium, openApp, startAssessment, waitUntilSaved } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('evidence files in Chromium', () => {
  it('attaches a file with its SHA-256, gives the same bytes back, and refuses a file over 25 MB', async () => {
    const page = await openApp(browser);
    await startAssessment(page, 'Evidence');
    const card = page.getByRole('article', { name: /Has your organisation taken measures/ });
    const content = Buffer.from('Training attendance 2026 — 42 staff, « maîtrise de l’IA »\n');
    await (await evidenceInput(card)).setInputFiles({
      name: 'attendance.csv',
      mimeType: 'text/csv',
      buffer: content,
    });
    await card.getByRole('button', { name: 'attendance.csv', exact: true }).waitFor();
    const hash = createHash('sha256').update(content).digest('hex');
    expect(await card.locator('code.hash').textContent()).toBe(hash);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'attendance.csv', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('attendance.csv');
    expect(readFileSync((await download.path()) as string).equals(content)).toBe(true);

    await (await evidenceInput(card)).setInputFiles({
      name: 'video.mp4',
      mimeType: 'video/mp4',
      buffer: Buffer.alloc(25 * 1024 * 1024 + 1),
    });
    await card
      .getByRole('alert')
      .filter({ hasText: '“video.mp4” is larger than 25 MB and was not attached.' })
      .waitFor();
    expect(await card.getByRole('button', { name: 'video.mp4', exact: true }).count()).toBe(0);

    await page.reload();
    await page
      .getByRole('article', { name: /Has your organisation taken measures/ })
      .getByRole('button', { name: 'attendance.csv', exact: true })
      .waitFor();
    await page.context().close();
  });
});

describe('sign-off in Chromium', () => {
  it('signs off, shows the content hash, locks the answers, and reopens as revision 2', async () => {
    const page = await openApp(browser);
    await startAssessment(page, 'Sign-off');
    await page
      .getByRole('article', { name: /is your organisation a/ })
      .getByRole('radio', { name: 'Deployer', exact: true })
      .check();
    await waitUntilSaved(page);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: 'Summary' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Jeanne Weber');
    await page.getByLabel('Role', { exact: true }).fill('Chief compliance officer');
    await page.getByRole('button', { name: 'Sign off and make read-only' }).click();
    await page.getByText('Signed off by Jeanne Weber (Chief compliance officer)', { exact: false }).waitFor();
    // The content fingerprint, then the fingerprint of this device's signing key.
    await expect
      .poll(() => page.locator('.signoff code.hash').allTextContents())
      .toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)]);

    await nav.getByRole('link', { name: /AI literacy/ }).click();
    await page.getByText('This assessment is signed off and read-only.').waitFor();
    expect(await page.getByRole('radio', { name: 'Deployer', exact: true }).isDisabled()).toBe(true);

    await nav.getByRole('link', { name: 'Summary' }).click();
    await page.getByRole('button', { name: 'Reopen as revision 2' }).click();
    await page.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
    expect(await page.getByRole('radio', { name: 'Deployer', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Deployer', exact: true }).isDisabled()).toBe(false);
    await page.goto(page.url().replace(/#.*/, '#/'));
    await page.getByText('revision 2', { exact: false }).waitFor();
    await page
      .getByText(/^Signed off/)
      .first()
      .waitFor();
    await page.context().close();
  });
});

describe('storage safety in Chromium', () => {
  it('refuses a database written by a newer version, and leaves it as it was', async () => {
    const page = await openApp(browser);
    await page.getByRole('heading', { name: 'New assessment' }).waitFor();
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          indexedDB.deleteDatabase('conformo').onsuccess = () => {
            const request = indexedDB.open('conformo', 990);
            request.onupgradeneeded = () => request.result.createObjectStore('future');
            request.onsuccess = () => {
              request.result.close();
              resolve();
            };
            request.onerror = () => reject(request.error);
          };
        }),
    );
    await page.reload();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Your data was written by a newer version of Conformo.' })
      .waitFor();
    const version = await page.evaluate(
      async () => (await indexedDB.databases()).find((d) => d.name === 'conformo')?.version,
    );
    expect(version).toBe(990);
    await page.context().close();
  });

  it('says so when the disk is full, and keeps what was already saved', async () => {
    const page = await openApp(browser);
    await startAssessment(page, 'Full disk');
    const owner = page.getByRole('article', { name: /Who is responsible/ }).getByRole('textbox');
    await owner.fill('Compliance team');
    await page.getByRole('heading', { level: 2 }).click();
    await waitUntilSaved(page);

    // Chromium enforces quota lazily on an existing database, so a full disk is simulated where IndexedDB reports
    // it: every write fails with the QuotaExceededError a real full disk raises.
    await page.evaluate(() => {
      for (const method of ['put', 'add'] as const) {
        IDBObjectStore.prototype[method] = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      }
    });
    await page
      .getByRole('article', { name: /List the AI systems/ })
      .getByRole('textbox')
      .fill('Chatbot, triage assistant');
    await page.getByRole('heading', { level: 2 }).click();
    await page.locator('.save-indicator[data-status="error"]').waitFor();
    expect(await page.locator('.save-indicator').textContent()).toContain('The device is out of storage space.');

    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
    expect(
      await page
        .getByRole('article', { name: /Who is responsible/ })
        .getByRole('textbox')
        .inputValue(),
    ).toBe('Compliance team');
    await page.context().close();
  });
});
