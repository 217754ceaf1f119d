/** Storage failures as data the UI can show in the user's language (keys in locales/*\/app.json: storage.*). */
export type StorageProblem =
  | 'unavailable'
  | 'newerVersion'
  | 'quota'
  | 'blocked'
  | 'readOnly'
  | 'tooLarge'
  | 'erasedElsewhere'
  | 'upgradedElsewhere'
  | 'unknown';

export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    override readonly cause?: unknown,
  ) {
    super(`storage: ${problem}${cause instanceof Error ? `: ${cause.message}` : ''}`);
    this.name = 'StorageError';
  }
}

function namesOf(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const e = current as { name?: string; inner?: unknown; cause?: unknown };
    if (e.name) names.push(e.name);
    current = e.inner ?? e.cause;
  }
  return names;
}

/** Dexie wraps IndexedDB's DOMExceptions; look through the wrappers for what really happened. */
export function classifyStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const names = namesOf(error);
  if (names.includes('VersionError')) return new StorageError('newerVersion', error);
  if (names.includes('QuotaExceededError')) return new StorageError('quota', error);
  if (names.includes('MissingAPIError') || names.includes('InvalidStateError') || names.includes('SecurityError')) {
    return new StorageError('unavailable', error);
  }
  if (names.includes('BlockedError') || names.includes('DatabaseClosedError'))
    return new StorageError('blocked', error);
  return new StorageError('unknown', error);
}

/** Runs a storage operation and turns whatever it throws into a StorageError the UI can explain. */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw classifyStorageError(error);
  }
}
