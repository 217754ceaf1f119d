import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DEFAULT_LIMITS, type Limits } from '../../server/limits';
import { openStore } from '../../server/open-store';
import type { ServerOptions } from '../../server/options';
import { type RunningServer, startServer } from '../../server/start';
import type { Store } from '../../server/store/types';
import { invite, randomId } from '../../server/tokens';
import type { TeamRole } from '../../src/engine/team-document';

export const SECRET = 'test-secret-for-the-team-server-0123456789';

/** Polls a condition until it holds, or fails after the deadline. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface TestServer {
  server: RunningServer;
  store: Store;
  dataDir: string;
  logs: string[];
  options: ServerOptions;
  /** A new share with revision 1. */
  share(): Promise<string>;
  token(shareId: string, role: TeamRole, days?: number): Promise<{ token: string; jti: string }>;
  stop(): Promise<void>;
}

/** A server on loopback, port 0, in a fresh data folder, its log kept in `logs`. */
export async function startTestServer(
  overrides: Partial<ServerOptions> & { limits?: Partial<Limits> } = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'conformo-server-'));
  const logs: string[] = [];
  const options: ServerOptions = {
    host: '127.0.0.1',
    port: 0,
    appInvites: true,
    distDir: join(dataDir, 'no-dist'),
    secret: SECRET,
    ...overrides,
    dataDir,
    limits: { ...DEFAULT_LIMITS, ...overrides.limits },
    log: (line) => logs.push(line),
  };
  const server = await startServer(options);
  const store = await openStore(options);
  return {
    server,
    store,
    dataDir,
    logs,
    options,
    async share() {
      const shareId = randomId();
      await store.createShare({ shareId, created: new Date().toISOString(), revision: 1 });
      return shareId;
    },
    async token(shareId, role, days = 14) {
      const made = await invite(store, new TextEncoder().encode(SECRET), { shareId, role, name: `A ${role}`, days });
      return { token: made.token, jti: made.invitation.jti };
    },
    async stop() {
      await server.stop();
      await store.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestClient {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Resolves when the first sync completed, rejects with the reason when authentication is refused. */
  ready: Promise<void>;
  readOnly: () => boolean;
  stateless: string[];
  close(): void;
}

export function wsUrl(server: RunningServer): string {
  return `${server.url.replace(/^http/, 'ws')}/collab`;
}

/** A real Hocuspocus client, as the app makes one, in Node. */
export function connect(server: RunningServer, name: string, token: string | undefined): TestClient {
  const doc = new Y.Doc();
  const stateless: string[] = [];
  let scope = '';
  let settle: { resolve: () => void; reject: (reason: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const provider = new HocuspocusProvider({
    url: wsUrl(server),
    name,
    document: doc,
    token: token ?? '',
    WebSocketPolyfill: WebSocket,
    onAuthenticated: ({ scope: granted }) => {
      scope = granted;
    },
    onSynced: ({ state }) => {
      if (state) settle?.resolve();
    },
    onAuthenticationFailed: ({ reason }) => settle?.reject(new Error(reason)),
    onStateless: ({ payload }) => {
      stateless.push(payload);
    },
  });
  ready.catch(() => {});
  return {
    provider,
    doc,
    ready,
    stateless,
    readOnly: () => scope === 'readonly',
    close() {
      provider.destroy();
      provider.configuration.websocketProvider.destroy();
      doc.destroy();
    },
  };
}

/** The document as the server stores it (state and logged updates). */
export async function storedDocument(store: Store, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await store.loadDocument(name)) Y.applyUpdate(doc, update);
  return doc;
}
