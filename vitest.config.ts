import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { extraQuestionnaires } from './vite.config';

/**
 * Tests of the layers that must run unchanged in Node, a browser and a worker (engine, report, the CLI and the
 * questionnaires they check). They run in plain Node with no DOM at all: a test that passes here proves the code
 * needs no window, document or IndexedDB. test/setup-node.ts refuses a file that asks for another environment.
 */
const PORTABLE_TESTS = [
  'test/*.test.ts',
  'test/engine/**/*.test.ts',
  'test/backup/**/*.test.ts',
  'test/report/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/fuzz/loader.fuzz.test.ts',
  'test/fuzz/conditions.fuzz.test.ts',
  'test/server/**/*.test.ts',
];

const plugins = [react(), extraQuestionnaires()];

/** Projects do not inherit the root's options (`extends: true` would also run the global set-up once per project). */
export default defineConfig({
  plugins,
  test: {
    globalSetup: ['test/generate-validators.setup.ts'],
    projects: [
      {
        plugins,
        test: {
          name: 'node',
          environment: 'node',
          include: PORTABLE_TESTS,
          setupFiles: ['test/setup-node.ts'],
          testTimeout: 20_000,
        },
      },
      {
        plugins,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', ...PORTABLE_TESTS],
          setupFiles: ['test/setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
