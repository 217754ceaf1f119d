import { join } from 'node:path';
import { openPostgresStore } from './store/postgres';
import { openSqliteStore } from './store/sqlite';
import type { Store } from './store/types';

/** PostgreSQL when a database URL is given (several instances), else the SQLite file in the data folder. */
export function openStore(options: { dataDir: string; databaseUrl?: string | undefined }): Promise<Store> {
  if (options.databaseUrl) return openPostgresStore(options.databaseUrl);
  return Promise.resolve(openSqliteStore(join(options.dataDir, 'conformo.sqlite')));
}
