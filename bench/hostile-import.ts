/**
 * The page while a hostile file is refused: the files of the security review (test/backup/hostile-files.ts) are
 * imported on the home screen one after another; for each, the time to the refusal and the longest gap between two
 * animation frames meanwhile (the page must paint at least every 100 ms).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  doublyDeflatedObjectStream,
  hugeXRefIndex,
  manyEmptyObjects,
  sharedKidsNameTree,
} from '../test/backup/hostile-files';

export interface HostileImport {
  file: string;
  /** setInputFiles -> the refusal on screen. */
  refusedMs: number;
  /** The longest time between two animation frames from just before the file is given until the refusal. */
  longestFrameGapMs: number;
}

const FILES = [
  { file: 'object-stream-bomb.pdf', bytes: () => doublyDeflatedObjectStream() },
  { file: 'huge-xref-index.pdf', bytes: () => hugeXRefIndex() },
  { file: 'shared-kids-name-tree.pdf', bytes: () => sharedKidsNameTree() },
  { file: 'millions-of-empty-objects.json', bytes: () => manyEmptyObjects(4_100_000) },
];

interface FrameWatch {
  longest: number;
  last: number;
  running: boolean;
}

const WATCH_FRAMES = `(() => {
  const watch = { longest: 0, last: performance.now(), running: true };
  window.__frames = watch;
  requestAnimationFrame(function tick(now) {
    watch.longest = Math.max(watch.longest, now - watch.last);
    watch.last = now;
    if (watch.running) requestAnimationFrame(tick);
  });
})()`;

export async function measureHostileImports(page: Page): Promise<HostileImport[]> {
  const results: HostileImport[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'conformo-hostile-'));
  for (const { file, bytes } of FILES) {
    // A path, not a buffer: Chromium then takes the file natively, whereas a buffer is rebuilt by script in the page,
    // on the very thread being measured.
    const path = join(folder, file);
    writeFileSync(path, bytes());
    // As text: tsx would wrap a named function in a helper that the page does not have.
    await page.evaluate(WATCH_FRAMES);
    const started = performance.now();
    await page.getByLabel('Import a backup or report').setInputFiles(path);
    await page
      .getByRole('alert')
      .filter({ hasText: `${file} was not imported.` })
      .waitFor({ timeout: 120_000 });
    const refusedMs = performance.now() - started;
    const longestFrameGapMs = await page.evaluate(() => {
      const watch = (window as unknown as { __frames: FrameWatch }).__frames;
      watch.running = false;
      return Math.max(watch.longest, performance.now() - watch.last);
    });
    results.push({ file, refusedMs: Math.round(refusedMs), longestFrameGapMs: Math.round(longestFrameGapMs) });
  }
  return results;
}
