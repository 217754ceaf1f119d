import { describe, expect, it, vi } from 'vitest';
import { SaveQueue } from '../../src/state/save-queue';
import type { AnswerPatch } from '../../src/storage/repository';

describe('SaveQueue', () => {
  it('merges a burst of keystrokes into one write of the latest text', async () => {
    const write = vi.fn(async (_: AnswerPatch[]) => {});
    const queue = new SaveQueue(write, 10_000);
    for (const value of ['a', 'ab', 'abc']) queue.enqueue({ assessmentId: 'a', questionId: 'q', value });
    queue.enqueue({ assessmentId: 'a', questionId: 'q', comment: 'note' });
    await queue.flush();
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith([{ assessmentId: 'a', questionId: 'q', value: 'abc', comment: 'note' }]);
  });

  it('writes by itself after the delay', async () => {
    vi.useFakeTimers();
    const write = vi.fn(async (_: AnswerPatch[]) => {});
    const queue = new SaveQueue(write, 250);
    queue.enqueue({ assessmentId: 'a', questionId: 'q', value: 'x' });
    await vi.advanceTimersByTimeAsync(249);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('keeps what failed to write (a full disk) under what was typed since, and writes it on the next flush', async () => {
    let fail = true;
    const written: AnswerPatch[][] = [];
    const queue = new SaveQueue(async (patches) => {
      if (fail) throw new DOMException('full', 'QuotaExceededError');
      written.push(patches);
    }, 10_000);
    queue.enqueue({ assessmentId: 'a', questionId: 'q', value: 'first', comment: 'kept' });
    await expect(queue.flush()).rejects.toThrow('full');
    queue.enqueue({ assessmentId: 'a', questionId: 'q', value: 'second' });
    fail = false;
    await queue.flush();
    expect(written).toEqual([[{ assessmentId: 'a', questionId: 'q', value: 'second', comment: 'kept' }]]);
  });
});

describe('SaveQueue.idle', () => {
  it('waits for a write already running, even with nothing queued', async () => {
    const done: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const queue = new SaveQueue(async () => {
      await gate;
      done.push('written');
    }, 10_000);
    queue.enqueue({ assessmentId: 'a', questionId: 'q', value: 'x' });
    const writing = queue.flush();
    expect(queue.size).toBe(0);
    const idle = queue.idle().then(() => done.push('idle'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toEqual([]);
    release();
    await Promise.all([writing, idle]);
    expect(done).toEqual(['written', 'idle']);
  });

  it('calls onDue when the delay has passed', async () => {
    vi.useFakeTimers();
    const onDue = vi.fn();
    const queue = new SaveQueue(async () => {}, 250, onDue);
    queue.enqueue({ assessmentId: 'a', questionId: 'q', value: 'x' });
    await vi.advanceTimersByTimeAsync(250);
    expect(onDue).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
