import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from '@hocuspocus/extension-redis';
import { WebSocketServer } from 'ws';
import { handleApi } from './api';
import { createCollab } from './collab';
import { type EventBus, localEvents, redisEvents } from './events';
import { setSecurityHeaders } from './headers';
import { consoleLog, describeError } from './log';
import { openStore } from './open-store';
import type { ServerOptions } from './options';
import { loadSecret } from './secret';
import { serveStatic } from './static';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const COLLAB_PATH = '/collab';

function redisExtension(url: string): Redis {
  const parsed = new URL(url);
  const options: Record<string, unknown> = {};
  if (parsed.password) options.password = decodeURIComponent(parsed.password);
  if (parsed.username) options.username = decodeURIComponent(parsed.username);
  const db = parsed.pathname.replace(/^\//, '');
  if (db) options.db = Number(db);
  if (parsed.protocol === 'rediss:') options.tls = {};
  return new Redis({
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    options,
    prefix: 'conformo',
  });
}

/**
 * Starts the team server: the API, the built app and the WebSocket at /collab on one origin. Resolves once it
 * listens; stop() closes every connection, the stores and the port.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? consoleLog;
  if (Boolean(options.redisUrl) !== Boolean(options.databaseUrl)) {
    throw new Error('Several instances need both CONFORMO_REDIS_URL and CONFORMO_DATABASE_URL.');
  }
  if (options.databaseUrl && !options.secret) {
    throw new Error('Several instances must share one CONFORMO_SECRET.');
  }
  const secret = loadSecret(options.dataDir, options.secret);
  const store = await openStore(options);
  const redis = options.redisUrl ? redisExtension(options.redisUrl) : undefined;
  const collab = createCollab({ store, secret, limits: options.limits, log, ...(redis ? { redis } : {}) });
  const events: EventBus = redis ? await redisEvents(redis, collab.apply, log) : localEvents(collab.apply);

  let publicUrl = options.publicUrl ?? '';
  const api = {
    store,
    secret,
    collab,
    events,
    limits: options.limits,
    log,
    appInvites: options.appInvites,
    publicUrl: () => publicUrl,
  };

  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    setSecurityHeaders(response);
    const done = request.url?.startsWith('/api/')
      ? handleApi(request, response, api)
      : serveStatic(options.distDir, request, response);
    done.catch((error) => {
      log(`request failed: ${describeError(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.limits.maxMessageBytes });
  sockets.on('connection', (socket, request) => {
    socket.on('error', (error) => log(`WebSocket closed on error: ${describeError(error)}`));
    collab.hocuspocus.handleConnection(socket, request);
  });
  http.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== COLLAB_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  if (!options.publicUrl) publicUrl = url;
  log(`Conformo team server listening on ${url} (${options.databaseUrl ? 'PostgreSQL and Redis' : 'SQLite'})`);

  return {
    url,
    port,
    async stop() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      // Closing the sockets stores and unloads each document; wait for that before closing the store.
      await until(() => collab.hocuspocus.documents.size === 0 && collab.hocuspocus.unloadingDocuments.size === 0);
      await flushDocuments(collab.hocuspocus);
      await events.close();
      await collab.hocuspocus.hooks('onDestroy', { instance: collab.hocuspocus });
      await store.close();
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Stores every document still in memory (their updates are logged already; this compacts them). */
async function flushDocuments(hocuspocus: ReturnType<typeof createCollab>['hocuspocus']) {
  for (const document of hocuspocus.documents.values()) {
    if (hocuspocus.debouncer.isDebounced(`onStoreDocument-${document.name}`)) {
      await hocuspocus.debouncer.executeNow(`onStoreDocument-${document.name}`);
    }
  }
}
