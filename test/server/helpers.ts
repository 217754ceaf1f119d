import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
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
  overrides: Omit<Partial<ServerOptions>, 'limits'> & { limits?: Partial<Limits> } = {},
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
  /** The server's answer to each write this client sent: true applied, false dropped (read-only). */
  acks: boolean[];
  /** Close events and messages the server sent. */
  closes: { code: number; reason: string }[];
  /** Resolves when the server has answered every write so far with "applied". */
  synced(): Promise<void>;
  close(): void;
}

export function wsUrl(server: RunningServer): string {
  return `${server.url.replace(/^http/, 'ws')}/collab`;
}

const SYNC_STATUS = 8;

/** A real Hocuspocus client, as the app makes one, in Node. */
export function connect(server: RunningServer, name: string, token: string | undefined): TestClient {
  const doc = new Y.Doc();
  const stateless: string[] = [];
  const acks: boolean[] = [];
  const closes: { code: number; reason: string }[] = [];
  let scope = '';
  let settle: { resolve: () => void; reject: (reason: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const socket = new HocuspocusProviderWebsocket({
    url: wsUrl(server),
    WebSocketPolyfill: WebSocket,
    // Reconnect quickly after a server restart; the app keeps Hocuspocus's defaults.
    delay: 50,
    minDelay: 50,
    maxDelay: 300,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: token ?? '',
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
    onClose: ({ event }) => {
      closes.push({ code: event.code, reason: event.reason });
    },
  });
  provider.attach();
  // Not the onMessage option: the socket shares the options and calls it with another argument.
  provider.on('message', ({ event }: { event: MessageEvent }) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) === SYNC_STATUS) acks.push(decoding.readVarInt(decoder) === 1);
  });
  ready.catch(() => {});
  return {
    provider,
    doc,
    ready,
    stateless,
    acks,
    closes,
    readOnly: () => scope === 'readonly',
    synced: () => until(() => provider.isSynced && !provider.hasUnsyncedChanges, `${name} to be synced`),
    close() {
      provider.destroy();
      socket.destroy();
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
