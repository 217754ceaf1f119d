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
    // expect.poll gives up after 1 s by default: a loaded CI machine takes longer to render the home screen than
    // that, while Playwright's own waits allow 30 s. Polls wait like the rest of the browser tests.
    expect: { poll: { timeout: 15_000 } },
  },
});
