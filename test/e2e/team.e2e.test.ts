import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/helpers';
import { launchChromium, startAssessment, waitUntilSaved } from './browser';

/**
 * Team mode in Chromium: the real team server on loopback serving the built app (same origin, production CSP),
 * several people as separate browser contexts, each with its own IndexedDB.
 */

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestServer({ distDir: join(import.meta.dirname, '../../dist') });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function person(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

const url = () => server.server.url;
const card = (page: Page, text: RegExp) => page.getByRole('article', { name: text });
const LITERACY = /Has your organisation taken measures/;
const REGISTER = /is your organisation a/;

async function joinWith(page: Page, token: string) {
  await page.goto(`${url()}/#/join/${token}`);
  await page.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
}

/** The owner shares an assessment started on their device; returns the share and the owner's page. */
async function sharedByOwner() {
  const shareId = await server.share();
  const owner = await person();
  await owner.goto(url());
  await startAssessment(owner, 'Shared triage');
  await card(owner, LITERACY).getByRole('radio', { name: 'Partially conform' }).check();
  await waitUntilSaved(owner);
  await owner.goto(`${url()}/#/join/${(await server.token(shareId, 'owner')).token}`);
  await owner
    .getByRole('button', { name: /Share this assessment/ })
    .first()
    .click();
  await owner.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
  await owner.getByText('Synced with your team').waitFor();
  return { shareId, owner };
}

describe('team mode in Chromium', () => {
  it('merges two people’s answers live, shows who is there, and keeps a reviewer read-only', async () => {
    const { shareId, owner } = await sharedByOwner();
    const editor = await person();
    await joinWith(editor, (await server.token(shareId, 'editor')).token);
    await expect
      .poll(() => card(editor, LITERACY).getByRole('radio', { name: 'Partially conform' }).isChecked())
      .toBe(true);

    await card(editor, REGISTER).getByRole('radio').first().check();
    await expect.poll(() => card(owner, REGISTER).getByRole('radio').first().isChecked()).toBe(true);
    await owner
      .getByText(/A editor/)
      .first()
      .waitFor();

    const reviewer = await person();
    await joinWith(reviewer, (await server.token(shareId, 'reviewer')).token);
    await expect.poll(() => card(reviewer, REGISTER).getByRole('radio').first().isChecked()).toBe(true);
    expect(await card(reviewer, LITERACY).getByRole('radio', { name: 'Conform', exact: true }).isDisabled()).toBe(true);
  });

  it('converges after one person worked offline, with what both did', async () => {
    const { shareId, owner } = await sharedByOwner();
    const editor = await person();
    await joinWith(editor, (await server.token(shareId, 'editor')).token);
    await editor.getByText('Synced with your team').waitFor();

    await editor.context().setOffline(true);
    await card(editor, REGISTER).getByRole('radio').first().check();
    await editor
      .getByText(/offline/i)
      .first()
      .waitFor();
    await card(owner, LITERACY).getByRole('radio', { name: 'Conform', exact: true }).check();
    await editor.context().setOffline(false);

    await expect
      .poll(() => card(owner, REGISTER).getByRole('radio').first().isChecked(), { timeout: 20_000 })
      .toBe(true);
    await expect
      .poll(() => card(editor, LITERACY).getByRole('radio', { name: 'Conform', exact: true }).isChecked(), {
        timeout: 20_000,
      })
      .toBe(true);
  });
});
