// The portable layers are tested without any DOM (see vitest.config.ts). A `@vitest-environment jsdom` comment in
// one of their tests would quietly give them a window again: refuse it.
if (typeof window !== 'undefined' || typeof document !== 'undefined' || typeof indexedDB !== 'undefined') {
  throw new Error('Tests of the engine, the report and the CLI run in plain Node: remove the environment override.');
}
