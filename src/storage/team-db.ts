import Dexie, { type EntityTable } from 'dexie';
import yDexie, { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { db } from './repository';
import { teamDatabaseName } from './team-db-name';

interface DocumentRow {
  /** The document's name on the server (`<shareId>/<revision>/<part>`). */
  name: string;
  doc: Y.Doc;
}

/** Answers changed on this device and not yet acknowledged by the server, per document: "N changes waiting". */
interface PendingRow {
  name: string;
  questionIds: string[];
}

/**
 * The Yjs documents of shared assessments, persisted by y-dexie (every update as a row, merged by Yjs). Its own
 * database, so that a user who never shares anything never loads Yjs, and the main schema stays as it is.
 */
export class TeamDatabase extends Dexie {
  documents!: EntityTable<DocumentRow, 'name'>;
  pending!: EntityTable<PendingRow, 'name'>;

  constructor(name: string) {
    super(name, { addons: [yDexie] });
    this.version(1).stores({ documents: 'name, doc: Y.Doc', pending: 'name' });
  }
}

let team: TeamDatabase | undefined;

export function teamDb(): TeamDatabase {
  const name = teamDatabaseName(db().name);
  if (team?.name !== name) {
    team?.close();
    team = new TeamDatabase(name);
  }
  return team;
}

/** A document loaded from IndexedDB with every update this device has, kept in IndexedDB as it changes. */
export async function loadDocument(name: string): Promise<Y.Doc> {
  const documents = teamDb().documents;
  if (!(await documents.get(name))) await documents.put({ name } as DocumentRow);
  const row = await documents.get(name);
  if (!row) throw new Error(`team document ${name} could not be stored`);
  const provider = DexieYProvider.load(row.doc);
  await provider.whenLoaded;
  return row.doc;
}

export function releaseDocument(doc: Y.Doc): void {
  DexieYProvider.release(doc);
}

export async function pendingOf(name: string): Promise<string[]> {
  return (await teamDb().pending.get(name))?.questionIds ?? [];
}

export async function addPending(name: string, questionIds: readonly string[]): Promise<string[]> {
  return teamDb().transaction('rw', teamDb().pending, async () => {
    const all = [...new Set([...(await pendingOf(name)), ...questionIds])];
    await teamDb().pending.put({ name, questionIds: all });
    return all;
  });
}

export async function clearPending(name: string): Promise<void> {
  await teamDb().pending.delete(name);
}
