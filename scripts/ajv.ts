import Ajv2020, { type Options } from 'ajv/dist/2020.js';

/** One ajv configuration for the build step, the CLI and the tests, so they all judge the same way. */
export function createAjv(options: Options = {}) {
  return new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    ...options,
  });
}
