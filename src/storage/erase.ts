import Dexie from 'dexie';
import { DATABASE_NAME } from './db';
import { guarded } from './errors';
import { db } from './repository';
import { teamDatabaseName } from './team-db-name';

/** Deletes the whole database, whatever version wrote it: the user asked for everything to go. */
export function eraseDatabase(): Promise<void> {
  return guarded(async () => {
    const name = db().name || DATABASE_NAME;
    db().close();
    await Dexie.delete(name);
    // The Yjs documents of shared assessments, whether or not this build ever opened them.
    await Dexie.delete(teamDatabaseName(name));
  });
}
