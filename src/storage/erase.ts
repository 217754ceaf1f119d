import Dexie from 'dexie';
import { DATABASE_NAME } from './db';
import { guarded } from './errors';
import { db } from './repository';

/** Deletes the whole database, whatever version wrote it: the user asked for everything to go. */
export function eraseDatabase(): Promise<void> {
  return guarded(async () => {
    const name = db().name;
    db().close();
    await Dexie.delete(name || DATABASE_NAME);
  });
}
