import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readLastOpened, rememberOpened, useLastOpened } from '../../src/state/last-opened';

const KEY = 'conformo:lastOpened:a1';

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('when an assessment was last opened on this device', () => {
  it('is read when the screen opens it and becomes the moment it is left', () => {
    rememberOpened('a1', new Date('2026-12-01T09:00:00.000Z'));
    vi.setSystemTime(new Date('2026-12-05T08:00:00.000Z'));
    const { result, unmount } = renderHook(() => useLastOpened('a1'));
    expect(result.current).toBe('2026-12-01T09:00:00.000Z');
    vi.setSystemTime(new Date('2026-12-05T08:30:00.000Z'));
    unmount();
    expect(localStorage.getItem(KEY)).toBe('2026-12-05T08:30:00.000Z');
  });

  it('is written when the page goes away while the assessment is open, and read unchanged until then', () => {
    const { result } = renderHook(() => useLastOpened('a1'));
    expect(result.current).toBeUndefined();
    vi.setSystemTime(new Date('2026-12-05T09:00:00.000Z'));
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(localStorage.getItem(KEY)).toBe('2026-12-05T09:00:00.000Z');
    expect(result.current).toBeUndefined();
  });

  it('is neither read nor written for an assessment it is not asked about', () => {
    const { result, unmount } = renderHook(() => useLastOpened(undefined));
    unmount();
    expect(result.current).toBeUndefined();
    expect(localStorage.length).toBe(0);
  });

  it('is unknown when the storage refuses or holds something else, and a refused write is no error', () => {
    localStorage.setItem(KEY, 'yesterday');
    expect(readLastOpened('a1')).toBeUndefined();
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(readLastOpened('a1')).toBeUndefined();
    expect(() => rememberOpened('a1', new Date())).not.toThrow();
  });
});
