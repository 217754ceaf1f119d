import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../server/helpers';
import { launchChromium, startAssessment, waitUntilSaved } from './browser';

/**
 * Team mode in Chromium: the real team server on loopback serving the built app (same origin, production CSP),
 * several people as separate browser contexts, each with its own IndexedDB.
 */
export interface TeamRoom {
  browser: Browser;
  server: TestServer;
  contexts: BrowserContext[];
  url: () => string;
}

export async function openRoom(): Promise<TeamRoom> {
  const browser = await launchChromium();
  const server = await startTestServer({ distDir: join(import.meta.dirname, '../../dist') });
  return { browser, server, contexts: [], url: () => server.server.url };
}

/** A room for the test file that calls it: open before its tests, closed after them. */
export function roomForThisFile(): () => TeamRoom {
  let room: TeamRoom | undefined;
  beforeAll(async () => {
    room = await openRoom();
  });
  afterAll(() => closeRoom(room));
  return () => {
    if (!room) throw new Error('the team room opens in beforeAll');
    return room;
  };
}

export async function closeRoom(room: TeamRoom | undefined): Promise<void> {
  for (const context of room?.contexts ?? []) await context.close();
  await room?.browser.close();
  await room?.server.stop();
}

export async function person(room: TeamRoom): Promise<Page> {
  const context = await room.browser.newContext({ locale: 'en-GB', acceptDownloads: true });
  room.contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

export const card = (page: Page, text: RegExp) => page.getByRole('article', { name: text });
export const LITERACY = /Has your organisation taken measures/;
export const REGISTER = /is your organisation a/;

export async function joinWith(room: TeamRoom, page: Page, token: string) {
  await page.goto(`${room.url()}/#/join/${token}`);
  await page.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
}

/** The owner shares an assessment started on their device; returns the share and the owner's page. */
export async function sharedByOwner(room: TeamRoom) {
  const shareId = await room.server.share();
  const owner = await person(room);
  await owner.goto(room.url());
  await startAssessment(owner, 'Shared triage');
  await card(owner, LITERACY).getByRole('radio', { name: 'Partially conform' }).check();
  await waitUntilSaved(owner);
  await owner.goto(`${room.url()}/#/join/${(await room.server.token(shareId, 'owner')).token}`);
  await owner
    .getByRole('button', { name: /Share this assessment/ })
    .first()
    .click();
  await owner.getByRole('heading', { level: 2, name: /^1\. AI literacy/ }).waitFor();
  await owner.getByText('Synced with your team').waitFor();
  return { shareId, owner };
}
