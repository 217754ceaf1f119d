/**
 * Server memory with many assessments open: one client per share, connected to its answers document, writes the
 * 1,000 bench answers (~700-character comments) into it and waits until the server has acknowledged them; with
 * every client still connected (so every document stays loaded), the server process's memory is read.
 */
import * as Y from 'yjs';
import { writeAnswers } from '../src/engine/team-document';
import { teamAnswers } from './team-answers';
import { type BenchClient, connectAnswers } from './team-clients';
import type { BenchServer, ServerMemory, ShareSetup } from './team-server';

export interface TeamMemoryResult {
  assessments: number;
  answersEach: number;
  /** One answers document encoded as a Yjs update (what a first sync sends), bytes. */
  documentBytes: number;
  /** Just started, no connection. */
  idle: ServerMemory;
  /** Every assessment open, its answers acknowledged, the debounced store done. */
  open: ServerMemory;
  /** Connecting and filling every assessment, seconds. */
  fillS: number;
}

const BATCH = 10;
// The server stores a document's compacted state 5 s after its last change (server/collab.ts, debounce).
const STORE_DEBOUNCE_MS = 5_000;

export async function measureMemory(
  server: BenchServer,
  setups: ShareSetup[],
  log: (line: string) => void,
): Promise<TeamMemoryResult> {
  const idle = await server.memory();
  const clients: BenchClient[] = [];
  const started = performance.now();
  try {
    let answersEach = 0;
    for (let from = 0; from < setups.length; from += BATCH) {
      const batch = setups.slice(from, from + BATCH).map((setup, i) => {
        const client = connectAnswers(server.url, setup.shareId, setup.tokens[0] as string);
        clients.push(client);
        return { client, person: { id: `owner-${from + i}`, name: `Owner ${from + i + 1}` } };
      });
      await Promise.all(batch.map(({ client }) => client.ready));
      for (const { client, person } of batch) {
        const answers = teamAnswers(person);
        answersEach = answers.length;
        writeAnswers(client.doc, answers);
      }
      await Promise.all(batch.map(({ client }) => client.synced(120_000)));
      if ((from + BATCH) % 50 === 0) log(`${from + BATCH} assessments open`);
    }
    const fillS = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, STORE_DEBOUNCE_MS + 2_000));
    const open = await server.memory();
    const documentBytes = clients[0] ? Y.encodeStateAsUpdate(clients[0].doc).byteLength : 0;
    return { assessments: clients.length, answersEach, documentBytes, idle, open, fillS };
  } finally {
    for (const client of clients) client.close();
  }
}
