import { defineConfig } from 'vitest/config';

/** Browser tests: real Chromium (Debian's) driven by playwright-core against the production build. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/serve.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
