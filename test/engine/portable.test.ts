import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

// The import reader's worker entry listens on the worker's `self` as it loads: it runs only as a worker.
const ENGINE_MODULES = import.meta.glob([
  '../../src/engine/**/*.ts',
  '../../src/backup/**/*.ts',
  '!../../src/backup/read-worker.ts',
]);

describe('the engine runs unchanged in Node, a browser and a worker', () => {
  it('loads every module in plain Node, where there is no window, document or IndexedDB', async () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const names = Object.keys(ENGINE_MODULES).filter((name) => !name.endsWith('.d.ts'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      await expect(ENGINE_MODULES[name]?.(), name).resolves.toBeDefined();
    }
  });

  // Loading proves only the code that runs at import; the types prove every path. A worker's globals are what
  // Node and the browser share (crypto, TextEncoder, btoa...); the DOM's (window, document, localStorage) are not.
  it('type-checks against a worker’s globals, without the DOM', () => {
    const tsc = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'test/engine/tsconfig.no-dom.json', '--noEmit'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 60_000);
});
