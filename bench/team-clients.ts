/**
 * Simulated team members: real Hocuspocus clients in Node (the app's provider, over `ws`), one socket each as one
 * device has, connected to a share's answers document. The same way test/server/helpers.ts connects, kept apart so
 * that the bench imports no test code.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { documentName } from '../src/engine/team-document';

export interface BenchClient {
  doc: Y.Doc;
  /** Resolves after the first sync; rejects when the server refuses the token. */
  ready: Promise<void>;
  /** Resolves once the server has acknowledged every change this client made. */
  synced(timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function connectAnswers(serverUrl: string, shareId: string, token: string): BenchClient {
  const doc = new Y.Doc();
  const name = documentName(shareId, 1, 'answers');
  let settle: { resolve: () => void; reject: (reason: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  ready.catch(() => {});
  const socket = new HocuspocusProviderWebsocket({
    url: `${serverUrl.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onSynced: ({ state }) => {
      if (state) settle?.resolve();
    },
    onAuthenticationFailed: ({ reason }) => settle?.reject(new Error(`${name}: ${reason}`)),
  });
  provider.attach();
  return {
    doc,
    ready,
    synced: (timeoutMs) =>
      until(() => provider.isSynced && !provider.hasUnsyncedChanges, `${name} to be synced`, timeoutMs),
    close() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
