import { join, resolve } from 'node:path';
import { DEFAULT_LIMITS, type Limits } from './limits';
import type { Log } from './log';

export interface ServerOptions {
  host: string;
  /** 0 picks any free port; the real one is in the result of startServer. */
  port: number;
  dataDir: string;
  /** CONFORMO_SECRET; else one is generated into dataDir. */
  secret?: string;
  /** The origin links point to; else the address the server listens on. */
  publicUrl?: string;
  appInvites: boolean;
  /** Both set: several instances, Redis between them and PostgreSQL for storage. */
  redisUrl?: string;
  databaseUrl?: string;
  /** The built app; nothing is served besides the API when it is missing. */
  distDir: string;
  limits: Limits;
  log?: Log;
}

export const ROOT = resolve(import.meta.dirname, '..');

function flag(text: string | undefined, fallback: boolean): boolean {
  if (text === undefined || text === '') return fallback;
  return !/^(0|false|no|off)$/i.test(text);
}

function port(text: string | undefined): number {
  if (text === undefined || text === '') return 8787;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`CONFORMO_PORT is not a port: ${text}`);
  return value;
}

/** The environment variables of docs/team-mode.md, Server. */
export function optionsFromEnvironment(env: NodeJS.ProcessEnv): ServerOptions {
  const options: ServerOptions = {
    host: env.CONFORMO_HOST || '127.0.0.1',
    port: port(env.CONFORMO_PORT),
    dataDir: resolve(env.CONFORMO_DATA || join(ROOT, 'data')),
    appInvites: flag(env.CONFORMO_APP_INVITES, true),
    distDir: join(ROOT, 'dist'),
    limits: DEFAULT_LIMITS,
  };
  if (env.CONFORMO_SECRET) options.secret = env.CONFORMO_SECRET;
  if (env.CONFORMO_PUBLIC_URL) options.publicUrl = env.CONFORMO_PUBLIC_URL;
  if (env.CONFORMO_REDIS_URL) options.redisUrl = env.CONFORMO_REDIS_URL;
  if (env.CONFORMO_DATABASE_URL) options.databaseUrl = env.CONFORMO_DATABASE_URL;
  return options;
}
