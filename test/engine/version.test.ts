import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/engine/version';

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['1.10.0', '1.9.2', 1],
    ['1.2.3', '2.0.0', -1],
    ['2.0.0-rc.1', '2.0.0', -1],
    ['2.0.0-beta', '2.0.0-alpha', 1],
  ])('%s vs %s', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});
