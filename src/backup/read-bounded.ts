import { type BackupResult, backupError } from './errors';
import type { ImportFile, ReadImport } from './read';

/**
 * A backup of a hundred assessments with their evidence reads in a few seconds; a file that takes longer than this is
 * built to exhaust the reader, and it is stopped.
 */
export const READ_TIME_LIMIT_MS = 30_000;

/** The part of a Worker this uses: tests give a stand-in. */
export interface ReaderWorker {
  onmessage: ((event: MessageEvent<BackupResult<ReadImport>>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: { file: ImportFile }): void;
  terminate(): void;
}

export interface BoundedReadOptions {
  timeLimitMs?: number;
  spawn?: () => ReaderWorker;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const spawnReader = (): ReaderWorker =>
  new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module', name: 'conformo-import' });

/**
 * Reads an imported file in a worker of its own, ended when it answers or when the time limit passes, whichever
 * comes first. Nothing is written meanwhile, so stopping it loses nothing. Errors are data, as with readImportFile.
 */
export function readImportFileBounded(
  file: ImportFile,
  options: BoundedReadOptions = {},
): Promise<BackupResult<ReadImport>> {
  const timeLimitMs = options.timeLimitMs ?? READ_TIME_LIMIT_MS;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const worker = (options.spawn ?? spawnReader)();
  return new Promise((resolve) => {
    const finish = (result: BackupResult<ReadImport>) => {
      clearTimer(timer);
      worker.onmessage = worker.onerror = worker.onmessageerror = null;
      worker.terminate();
      resolve(result);
    };
    const timer = setTimer(
      () => finish({ ok: false, errors: [backupError('', 'timedOut', { seconds: Math.round(timeLimitMs / 1000) })] }),
      timeLimitMs,
    );
    worker.onmessage = (event) => finish(event.data);
    // The worker died (out of memory, a bug): the file is refused, the page goes on.
    const failed = (detail: string) => finish({ ok: false, errors: [backupError('', 'readerFailed', { detail })] });
    worker.onerror = (event) => {
      event.preventDefault();
      failed(event.message || 'the reader stopped');
    };
    worker.onmessageerror = () => failed('the result could not be received');
    worker.postMessage({ file });
  });
}
