// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BackupResult } from '../../src/backup/errors';
import type { ReadImport } from '../../src/backup/read';
import { type ReaderWorker, readImportFileBounded } from '../../src/backup/read-bounded';
import { hasMoreContainers, MAX_JSON_CONTAINERS, parseImport } from '../../src/backup/restore';
import { manyEmptyObjects } from './hostile-files';

describe('a JSON file built to exhaust the parser', () => {
  it('is refused before parsing when it holds more objects and arrays than any backup', () => {
    const text = new TextDecoder().decode(manyEmptyObjects(1000));
    // 1,001 empty objects, their array and the document itself.
    expect(parseImport(text, 1002)).toEqual({ ok: false, errors: [{ pointer: '', code: 'tooComplex', params: {} }] });
    // Under the limit it is parsed, and refused for what it is.
    const parsed = parseImport(text, 1003);
    expect(parsed.ok ? [] : parsed.errors.map((error) => error.code)).toContain('schema');
    expect(parsed.ok ? [] : parsed.errors.map((error) => error.code)).not.toContain('tooComplex');
  });

  it('counts only the brackets outside strings, with escaped quotes inside them', () => {
    expect(hasMoreContainers('{"a": "[[[[{{{{"}', 1)).toBe(false);
    expect(hasMoreContainers('{"a": "quote \\" [[[[ \\\\", "b": [[]]}', 3)).toBe(false);
    expect(hasMoreContainers('{"a": "quote \\" [[[[ \\\\", "b": [[[]]]}', 3)).toBe(true);
    expect(hasMoreContainers('["unterminated [[[[', 1)).toBe(false);
  });

  it('allows far more than a large real backup holds', () => {
    // 100 assessments of 1,000 questions: an answer is one object (two with a list value), a history entry four.
    const realistic = 100 * 1000 * (2 + 4 * 3);
    expect(MAX_JSON_CONTAINERS).toBeGreaterThan(realistic * 2);
  });
});

/** A worker that answers when told to, and records what the page did with it. */
function stubWorker() {
  const worker: ReaderWorker & { terminated: boolean; posted: unknown[] } = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    terminated: false,
    posted: [],
    postMessage(message) {
      this.posted.push(message);
    },
    terminate() {
      this.terminated = true;
    },
  };
  return worker;
}

function manualTimer() {
  let pending: (() => void) | undefined;
  let cleared = false;
  return {
    setTimer: (run: () => void) => {
      pending = run;
      return 1;
    },
    clearTimer: () => {
      cleared = true;
    },
    fire: () => pending?.(),
    get cleared() {
      return cleared;
    },
  };
}

const FILE = { name: 'backup.json', size: 2, arrayBuffer: async () => new ArrayBuffer(2) };

describe('reading an imported file in a worker', () => {
  it('hands the file to the worker and returns its answer, then ends the worker', async () => {
    const worker = stubWorker();
    const timer = manualTimer();
    const reading = readImportFileBounded(FILE, { spawn: () => worker, ...timer });
    expect(worker.posted).toEqual([{ file: FILE }]);
    const answer: BackupResult<ReadImport> = { ok: false, errors: [{ pointer: '', code: 'emptyFile', params: {} }] };
    worker.onmessage?.({ data: answer } as MessageEvent<BackupResult<ReadImport>>);
    expect(await reading).toEqual(answer);
    expect(worker.terminated).toBe(true);
    expect(timer.cleared).toBe(true);
  });

  it('ends a worker that takes longer than the time limit, with a message that says so', async () => {
    const worker = stubWorker();
    const timer = manualTimer();
    const reading = readImportFileBounded(FILE, { spawn: () => worker, timeLimitMs: 30_000, ...timer });
    timer.fire();
    expect(await reading).toEqual({ ok: false, errors: [{ pointer: '', code: 'timedOut', params: { seconds: 30 } }] });
    expect(worker.terminated).toBe(true);
    // An answer after the end changes nothing.
    expect(worker.onmessage).toBeNull();
  });

  it('refuses the file when the worker dies, and the page goes on', async () => {
    const worker = stubWorker();
    const reading = readImportFileBounded(FILE, { spawn: () => worker, ...manualTimer() });
    let prevented = false;
    worker.onerror?.({ message: 'Out of memory', preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    expect(await reading).toEqual({
      ok: false,
      errors: [{ pointer: '', code: 'readerFailed', params: { detail: 'Out of memory' } }],
    });
    expect(prevented).toBe(true);
    expect(worker.terminated).toBe(true);
  });
});
