import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/chromium';

const profiles: string[] = [];

/** For afterAll: the profile folders this file's tests made. */
export function removeProfiles(): void {
  for (const dir of profiles.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A browser with a profile on disk, so that what it stored outlives the browser process; opens `url`. */
export async function launchProfile(
  url: string,
  dir?: string,
): Promise<{ context: BrowserContext; page: Page; dir: string }> {
  const profile = dir ?? mkdtempSync(join(tmpdir(), 'conformo-profile-'));
  if (!dir) profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'en-GB',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(url);
  return { context, page, dir: profile };
}

/** SIGKILL to every process of that browser: no pagehide, no unload, no flush, no goodbye to the team server. */
export async function killBrowser(profile: { context: BrowserContext; dir: string }): Promise<void> {
  spawnSync('pkill', ['-KILL', '-f', `--user-data-dir=${profile.dir}`]);
  await profile.context.close().catch(() => undefined);
}
