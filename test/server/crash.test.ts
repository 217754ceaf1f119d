import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite';
import type { Store } from '../../server/store/types';
import { invite, randomId } from '../../server/tokens';
import { documentName, readAnswers, writeAnswers } from '../../src/engine/team-document';
import { connect, SECRET, storedDocument, type TestClient, until } from './helpers';
import { type ServerProcess, spawnServer } from './process';

/** Written by clients; must never appear in what the server prints. */
const DISTINCTIVE = 'Zyx-ANSWER-CONTENT-4217-never-logged';

let dataDir: string;
let running: ServerProcess | undefined;
let log = '';
const clients: TestClient[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'conformo-crash-'));
});
afterAll(async () => {
  for (const client of clients) client.close();
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const env = () => ({ CONFORMO_DATA: dataDir, CONFORMO_SECRET: SECRET });
const serverAt = (server: ServerProcess) => ({ url: server.url, port: server.port, stop: async () => {} });

/** Opens the server's SQLite file beside it, the way the share and invite commands do. */
async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore(join(dataDir, 'conformo.sqlite'));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const answer = (questionId: string, value: string) => ({ questionId, value, updated: new Date().toISOString() });

describe('kill -9 in the middle of editing', () => {
  it('loses nothing the server acknowledged, and clients that were connected resync after a restart', async () => {
    running = await spawnServer(env());
    const { shareId, tokens } = await withStore(async (store) => {
      const id = randomId();
      await store.createShare({ shareId: id, created: new Date().toISOString(), revision: 1 });
      const secret = new TextEncoder().encode(SECRET);
      const made = await Promise.all(
        (['owner', 'editor'] as const).map((role) => invite(store, secret, { shareId: id, role, name: role, days: 1 })),
      );
      return { shareId: id, tokens: made.map((m) => m.token) };
    });
    const name = documentName(shareId, 1, 'answers');
    const [ana, ben] = tokens.map((token) => connect(serverAt(running as ServerProcess), name, token)) as [
      TestClient,
      TestClient,
    ];
    clients.push(ana, ben);
    await Promise.all([ana.ready, ben.ready]);

    // Acknowledged: 30 answers, one transaction each, with the distinctive text the log must never show.
    for (let i = 0; i < 30; i += 1) writeAnswers(ana.doc, [answer(`a${i}`, `${DISTINCTIVE} ${i}`)]);
    await ana.synced();
    // In flight when the server dies: sent, perhaps not yet acknowledged.
    for (let i = 0; i < 30; i += 1) writeAnswers(ben.doc, [answer(`b${i}`, `ben ${i}`)]);
    await running.kill9();
    log += running.output();

    // Nobody connected: what the server acknowledged is on disk.
    const stored = await withStore((store) => storedDocument(store, name));
    const storedIds = new Set(readAnswers(stored).map((a) => a.questionId));
    for (let i = 0; i < 30; i += 1) expect(storedIds.has(`a${i}`)).toBe(true);

    // Both keep editing offline, then the server comes back on the same port and data folder.
    writeAnswers(ana.doc, [answer('offline-a', 'written while the server was down')]);
    writeAnswers(ben.doc, [answer('offline-b', 'also while down')]);
    running = await spawnServer({ ...env(), CONFORMO_PORT: String(running.port) });
    await Promise.all([ana.synced(), ben.synced()]);
    const expected = ['offline-a', 'offline-b', ...Array.from({ length: 30 }, (_, i) => [`a${i}`, `b${i}`]).flat()];
    const ids = (doc: TestClient['doc']) => new Set(readAnswers(doc).map((a) => a.questionId));
    await until(() => expected.every((id) => ids(ana.doc).has(id) && ids(ben.doc).has(id)), 'both to converge');
    const afterRestart = await withStore((store) => storedDocument(store, name));
    expect([...ids(afterRestart)].sort()).toEqual([...expected].sort());

    await running.stop();
    log += running.output();
    running = undefined;
    expect(log).toContain('listening on');
    expect(log).not.toContain(DISTINCTIVE);
    expect(log).not.toContain('Zyx-ANSWER');
  });
});
