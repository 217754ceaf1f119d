import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerPatch } from '../../src/engine/answers';
import type { Answer } from '../../src/engine/types';
import { UnsavedChanges, withUnsaved } from '../../src/state/unsaved-changes';
import { StorageError } from '../../src/storage/errors';
import type { SavedAnswers } from '../../src/storage/repository';

const patch = (fields: Partial<AnswerPatch>, at = '2026-12-03T10:00:00.000Z'): AnswerPatch => ({
  assessmentId: 'a',
  questionId: 'q',
  at,
  ...fields,
});

/** A writer whose writes the test lets finish one by one, recording what each wrote. */
function gatedWriter() {
  const writes: AnswerPatch[][] = [];
  const gates: Array<(result: SavedAnswers | Error) => void> = [];
  const write = (patches: AnswerPatch[]) =>
    new Promise<SavedAnswers>((resolve, reject) => {
      writes.push(patches);
      gates.push((result) => (result instanceof Error ? reject(result) : resolve(result)));
    });
  const finish = async (result: SavedAnswers | Error = { written: [], refused: [] }) => {
    gates.shift()?.(result);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { write, writes, finish };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function started(write: (patches: AnswerPatch[]) => Promise<SavedAnswers>) {
  const changes = new UnsavedChanges({ write, onChange: () => {} });
  changes.start();
  return changes;
}

describe('UnsavedChanges', () => {
  it('writes continuous typing every 250 ms, without waiting for a pause', async () => {
    const writer = gatedWriter();
    const changes = started(writer.write);
    // A key every 47 ms for two seconds: a restarted debounce would never write.
    for (let i = 1; i <= 43; i += 1) {
      changes.add(patch({ comment: 'x'.repeat(i) }));
      await vi.advanceTimersByTimeAsync(47);
      if (writer.writes.length > 0 && i % 6 === 0) await writer.finish();
    }
    expect(writer.writes.length).toBeGreaterThanOrEqual(6);
    // The first write came at most 250 ms after the first key.
    expect(writer.writes[0]?.[0]?.comment?.length).toBeLessThanOrEqual(6);
  });

  it('keeps a change until a write that contains all of it is durable', async () => {
    const writer = gatedWriter();
    const changes = started(writer.write);
    changes.add(patch({ comment: 'Ris' }));
    const first = changes.flush();
    changes.add(patch({ comment: 'Risk' }));
    await writer.finish();
    await first;
    // "Risk" came after the write of "Ris" began: still unsaved, still shown.
    expect(changes.changes.get('a\u0000q')?.patch.comment).toBe('Risk');
    const second = changes.flush();
    expect(writer.writes[1]).toEqual([patch({ comment: 'Risk' })]);
    await writer.finish();
    expect(await second).toEqual({ ok: true });
    expect(changes.changes.size).toBe(0);
  });

  it('returns the storage problem from flush, and keeps the changes for the next try', async () => {
    const writer = gatedWriter();
    const changes = started(writer.write);
    changes.add(patch({ value: 'conform' }));
    const failed = changes.flush();
    await writer.finish(new StorageError('quota'));
    expect(await failed).toEqual({ ok: false, problem: 'quota' });
    expect(changes.changes.size).toBe(1);
    changes.add(patch({ comment: 'and a comment' }, '2026-12-03T10:00:01.000Z'));
    const retried = changes.flush();
    expect(writer.writes[1]).toEqual([
      {
        assessmentId: 'a',
        questionId: 'q',
        value: 'conform',
        comment: 'and a comment',
        at: '2026-12-03T10:00:01.000Z',
      },
    ]);
    await writer.finish();
    expect(await retried).toEqual({ ok: true });
    expect(changes.problem).toBeUndefined();
  });

  it('drops changes to a signed assessment and says so, so that other writes go on', async () => {
    const writer = gatedWriter();
    const changes = started(writer.write);
    const signed = patch({ assessmentId: 'signed', value: 'conform' });
    changes.add(signed);
    changes.add(patch({ value: 'partial' }));
    const flushed = changes.flush();
    await writer.finish({ written: [], refused: [signed] });
    expect(await flushed).toEqual({ ok: false, problem: 'readOnly' });
    expect(changes.changes.size).toBe(0);
  });

  it('runs one write at a time: flushes called together share it and write nothing twice', async () => {
    const writer = gatedWriter();
    const changes = started(writer.write);
    changes.add(patch({ value: 'conform' }));
    const both = Promise.all([changes.flush(), changes.flush(), changes.flush()]);
    await writer.finish();
    expect(await both).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(writer.writes).toHaveLength(1);
  });

  it('writes nothing before storage is open, and everything once it is', async () => {
    const writer = gatedWriter();
    const changes = new UnsavedChanges({ write: writer.write, onChange: () => {} });
    changes.add(patch({ value: 'conform' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(writer.writes).toHaveLength(0);
    changes.start();
    expect(writer.writes).toHaveLength(1);
  });

  it('keeps one snapshot of the changes while a write leaves them as they were', async () => {
    const writer = gatedWriter();
    const changes = started(writer.write);
    changes.add(patch({ comment: 'Ris' }));
    const before = changes.changes;
    const flushed = changes.flush();
    expect(changes.changes).toBe(before);
    changes.add(patch({ comment: 'Risk' }));
    const typed = changes.changes;
    expect(typed).not.toBe(before);
    await writer.finish();
    await flushed;
    // "Risk" came during the write: still unsaved, so still the same snapshot.
    expect(changes.changes).toBe(typed);
  });

  it('puts an older adopted change under a newer one', () => {
    const changes = started(async () => ({ written: [], refused: [] }));
    changes.add(patch({ comment: 'newer' }, '2026-12-03T10:00:02.000Z'));
    changes.add(patch({ comment: 'older', value: 'conform' }, '2026-12-03T10:00:01.000Z'));
    expect(changes.changes.get('a\u0000q')?.patch).toMatchObject({ comment: 'newer', value: 'conform' });
  });
});

describe('withUnsaved', () => {
  const stored = new Map<string, Answer>([
    ['q', { questionId: 'q', value: 'conform', updated: '2026-12-01T00:00:00.000Z' }],
    ['other', { questionId: 'other', value: 'x', updated: '2026-12-01T00:00:00.000Z' }],
  ]);

  it('shows each unsaved change over the stored answer, only for its own assessment', () => {
    const changes = new Map([
      ['a\u0000q', { patch: patch({ comment: 'typed' }), revision: 1 }],
      ['b\u0000other', { patch: patch({ assessmentId: 'b', questionId: 'other', value: 'y' }), revision: 2 }],
    ]);
    const view = withUnsaved(stored, changes, 'a');
    expect(view.get('q')).toMatchObject({ value: 'conform', comment: 'typed' });
    expect(view.get('other')).toBe(stored.get('other'));
  });

  it('reuses the shown answer while neither the change nor the stored record moved', () => {
    const changes = new Map([['a\u0000q', { patch: patch({ comment: 'typed' }), revision: 1 }]]);
    expect(withUnsaved(stored, changes, 'a').get('q')).toBe(withUnsaved(stored, changes, 'a').get('q'));
    expect(withUnsaved(stored, new Map(), 'a')).toBe(stored);
  });
});

describe('the answers shown with unsaved changes', () => {
  it('read like a map of every answer, stored or new, with the changes on top', () => {
    const stored = new Map<string, Answer>([['q', { questionId: 'q', value: 'conform', updated: '1' }]]);
    const changes = new Map([
      ['a\u0000q', { patch: patch({ comment: 'typed' }), revision: 1 }],
      ['a\u0000new', { patch: patch({ questionId: 'new', value: 'x' }), revision: 2 }],
    ]);
    const view = withUnsaved(stored, changes, 'a');
    expect(view.size).toBe(2);
    expect(view.has('new')).toBe(true);
    expect([...view.keys()]).toEqual(['q', 'new']);
    expect(Object.fromEntries([...view].map(([id, a]) => [id, a.comment ?? a.value]))).toEqual({
      q: 'typed',
      new: 'x',
    });
    const seen: string[] = [];
    view.forEach((_, id) => {
      seen.push(id);
    });
    expect(seen).toEqual(['q', 'new']);
    expect(stored.get('q')?.comment).toBeUndefined();
  });
});
