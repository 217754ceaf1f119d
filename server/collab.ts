import { Database } from '@hocuspocus/extension-database';
import type { Redis } from '@hocuspocus/extension-redis';
import { type Connection, type Document, type Extension, Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import {
  canWrite,
  type DocumentAddress,
  documentName,
  parseDocumentName,
  type TeamDocumentPart,
} from '../src/engine/team-document';
import type { ShareEvent } from './events';
import type { Limits } from './limits';
import { describeError, type Log } from './log';
import type { Store } from './store/types';
import { type InvitationClaims, verifyInvitation } from './tokens';

/** What the server knows about a document connection, from its token. */
export interface ConnectionContext {
  claims: InvitationClaims;
  address: DocumentAddress;
}

/** The reason a connection is refused or closed: the app receives it as `reason`. */
interface Refusal {
  code?: number;
  reason: string;
}

const PARTS: readonly TeamDocumentPart[] = ['answers', 'review'];
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';
/** y-protocols' message types: a sync message whose step is 2 or an update carries changes. */
const SYNC_MESSAGE = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const CLOSE_TOO_LARGE = 4413;
const CLOSE_REVOKED = 4401;

/** Whether a Hocuspocus message would change a document: read from its framing only, never from the update. */
function isWrite(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== SYNC_MESSAGE) return false;
    const step = decoding.readVarUint(decoder);
    return step === SYNC_STEP_2 || step === SYNC_UPDATE;
  } catch {
    return true;
  }
}

const revisionKey = (shareId: string, revision: number) => `${shareId}/${revision}`;

export interface Collab {
  hocuspocus: Hocuspocus;
  /** The document as this instance has it, or as stored when it is not loaded here. */
  readDocument(name: string): Promise<{ doc: Y.Doc; release: () => void }>;
  /** Makes a revision read-only here while its sign-off is checked; `thaw` undoes it when the sign-off fails. */
  freeze(shareId: string, revision: number): void;
  thaw(shareId: string, revision: number): void;
  /** What every instance does when a share's state changes. */
  apply(event: ShareEvent): void;
}

export function createCollab(options: {
  store: Store;
  secret: Uint8Array;
  limits: Limits;
  log: Log;
  redis?: Redis;
}): Collab {
  const { store, secret, limits, log } = options;
  const sealed = new Set<string>();
  const frozen = new Set<string>();
  /** Open sockets per token id, each with the documents it holds. */
  const sockets = new Map<string, Map<string, Set<string>>>();
  const sizes = new WeakMap<Y.Doc, number>();

  const readOnlyFor = (context: ConnectionContext) => {
    const key = revisionKey(context.address.shareId, context.address.revision);
    return sealed.has(key) || frozen.has(key) || !canWrite(context.claims.role, context.address.part);
  };

  function connectionsOf(shareId: string, revision: number): Connection[] {
    return PARTS.flatMap(
      (part) => hocuspocus.documents.get(documentName(shareId, revision, part))?.getConnections() ?? [],
    );
  }

  function tell(shareId: string, revision: number, message: object) {
    const payload = JSON.stringify(message);
    for (const connection of connectionsOf(shareId, revision)) connection.sendStateless(payload);
  }

  function refuse(reason: string, shareId?: string): never {
    log(`refused a connection: ${reason}${shareId ? ` (share ${shareId})` : ''}`);
    throw { reason } satisfies Refusal;
  }

  function holdSocket(jti: string, socketId: string, name: string) {
    const held = sockets.get(jti) ?? new Map<string, Set<string>>();
    if (!held.has(socketId) && held.size >= limits.maxConnectionsPerToken) return false;
    sockets.set(jti, held);
    held.set(socketId, (held.get(socketId) ?? new Set()).add(name));
    return true;
  }

  function releaseSocket(jti: string, socketId: string, name: string) {
    const held = sockets.get(jti);
    const names = held?.get(socketId);
    if (!held || !names) return;
    names.delete(name);
    if (names.size === 0) held.delete(socketId);
    if (held.size === 0) sockets.delete(jti);
  }

  const guard: Extension = {
    async onAuthenticate({ token, documentName: name, connectionConfig, socketId }) {
      const address = parseDocumentName(name);
      if (!address) refuse('notFound');
      const verified = await verifyInvitation(store, secret, token, address.shareId);
      if (!verified.ok) refuse(verified.error, address.shareId);
      const revision = await store.getRevision(address.shareId, address.revision);
      if (!revision) refuse('notFound', address.shareId);
      if (revision.signOff) sealed.add(revisionKey(address.shareId, address.revision));
      const context: ConnectionContext = { claims: verified.claims, address };
      if (!holdSocket(verified.claims.jti, socketId, name)) refuse('tooManyConnections', address.shareId);
      connectionConfig.readOnly = readOnlyFor(context);
      return context;
    },

    async onDisconnect({ context, socketId, documentName: name }) {
      const claims = (context as Partial<ConnectionContext>).claims;
      if (claims) releaseSocket(claims.jti, socketId, name);
    },

    async beforeHandleMessage({ connection, document, update: message }) {
      const context = connection.context as ConnectionContext;
      if (readOnlyFor(context)) connection.readOnly = true;
      if (connection.readOnly || !isWrite(message)) return;
      if ((sizes.get(document) ?? 0) + message.byteLength > limits.maxDocumentBytes) {
        log(`refused a write that would pass the document size limit (share ${context.address.shareId})`);
        throw { code: CLOSE_TOO_LARGE, reason: 'documentTooLarge' } satisfies Refusal;
      }
    },

    async afterLoadDocument({ document, documentName: name }) {
      sizes.set(document, Y.encodeStateAsUpdate(document).byteLength);
      document.on('update', (update: Uint8Array, origin: unknown) => {
        sizes.set(document, (sizes.get(document) ?? 0) + update.byteLength);
        // Another instance logged it already.
        if (origin === REDIS_ORIGIN) return;
        logUpdate(name, update);
      });
    },
  };

  /** Logs an update as soon as it is applied: synchronously (SQLite) before the client's write is acknowledged. */
  function logUpdate(name: string, update: Uint8Array) {
    try {
      const pending = store.appendUpdate(name, update);
      if (pending) pending.catch((error) => log(`could not log an update: ${describeError(error)}`));
    } catch (error) {
      log(`could not log an update: ${describeError(error)}`);
    }
  }

  const database = new Database({
    async fetch({ documentName: name }) {
      const updates = await store.loadDocument(name);
      return updates.length > 0 ? Y.mergeUpdates(updates) : null;
    },
    async store({ documentName: name, state, document }) {
      sizes.set(document, state.byteLength);
      await store.storeDocument(name, state);
    },
  });

  const hocuspocus = new Hocuspocus({
    quiet: true,
    // Updates are durable once logged; the compacted state is rewritten at most this often.
    debounce: 5_000,
    maxDebounce: 30_000,
    extensions: [...(options.redis ? [options.redis] : []), database, guard],
  });

  return {
    hocuspocus,

    async readDocument(name) {
      const loaded = hocuspocus.documents.get(name);
      if (loaded && !loaded.isLoading) return { doc: loaded, release: () => {} };
      const doc = new Y.Doc();
      for (const update of await store.loadDocument(name)) Y.applyUpdate(doc, update);
      return { doc, release: () => doc.destroy() };
    },

    freeze(shareId, revision) {
      frozen.add(revisionKey(shareId, revision));
      for (const connection of connectionsOf(shareId, revision)) connection.readOnly = true;
    },

    thaw(shareId, revision) {
      frozen.delete(revisionKey(shareId, revision));
      for (const connection of connectionsOf(shareId, revision)) {
        connection.readOnly = readOnlyFor(connection.context as ConnectionContext);
      }
    },

    apply(event) {
      if (event.type === 'sealed') {
        sealed.add(revisionKey(event.shareId, event.revision));
        frozen.delete(revisionKey(event.shareId, event.revision));
        for (const connection of connectionsOf(event.shareId, event.revision)) connection.readOnly = true;
        tell(event.shareId, event.revision, { type: 'sealed', revision: event.revision });
      } else if (event.type === 'reopened') {
        tell(event.shareId, event.revision - 1, { type: 'reopened', revision: event.revision });
      } else {
        closeSocketsOf(event.jti);
      }
    },
  };

  function closeSocketsOf(jti: string) {
    const closed = new Set<unknown>();
    for (const document of hocuspocus.documents.values() as Iterable<Document>) {
      for (const connection of document.getConnections()) {
        if ((connection.context as ConnectionContext).claims?.jti !== jti || closed.has(connection.webSocket)) continue;
        closed.add(connection.webSocket);
        connection.webSocket.close(CLOSE_REVOKED, 'revoked');
      }
    }
    if (closed.size > 0) log(`closed ${closed.size} connection(s) of a revoked invitation`);
  }
}
