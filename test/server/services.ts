import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installCommand, locate, missingPackages, realSystem, SERVICE_PACKAGES } from '../../scripts/system-packages';
import { until } from './helpers';

/**
 * Throw-away Redis and PostgreSQL on loopback for the cluster test, in temporary folders, stopped and deleted at
 * the end. Missing packages fail the test with the command that installs them (npm test installs them first).
 */
export function requireServices(): void {
  const missing = missingPackages(SERVICE_PACKAGES, realSystem);
  if (missing.length > 0) {
    throw new Error(`The cluster test needs Redis and PostgreSQL from Debian. Run:\n\n  ${installCommand(missing)}\n`);
  }
}

export interface Service {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function answers(port: number, request: string, expected: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('error', () => resolve(false));
    socket.once('data', (data) => {
      resolve(data.toString().startsWith(expected));
      socket.destroy();
    });
    socket.write(request);
  });
}

function exitOf(child: ChildProcess): Promise<void> {
  return child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startRedis(): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), 'conformo-redis-'));
  const port = await freePort();
  const redis = locate(SERVICE_PACKAGES[0] as (typeof SERVICE_PACKAGES)[number]) as string;
  const child = spawn(
    redis,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    {
      stdio: 'ignore',
    },
  );
  await until(() => answers(port, 'PING\r\n', '+PONG'), 'redis-server to answer', 15_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exitOf(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** As root, PostgreSQL refuses to run: its programs run as the postgres user (runuser, from util-linux). */
function runAs(dir: string): (command: string, args: string[]) => string[] {
  if (process.getuid?.() !== 0) return (command, args) => [command, ...args];
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || uid <= 0)
    throw new Error('Running as root, and there is no postgres user to run PostgreSQL as.');
  chownSync(dir, uid, gid);
  return (command, args) => ['runuser', '-u', 'postgres', '--', command, ...args];
}

function run(argv: string[], cwd: string): void {
  const [command, ...args] = argv as [string, ...string[]];
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

export async function startPostgres(): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), 'conformo-pg-'));
  const as = runAs(dir);
  const postgres = SERVICE_PACKAGES[1] as (typeof SERVICE_PACKAGES)[number];
  const initdb = locate(postgres, 'initdb') as string;
  const pgCtl = locate(postgres, 'pg_ctl') as string;
  const data = join(dir, 'data');
  const port = await freePort();
  run(as(initdb, ['-D', data, '-U', 'conformo', '--auth=trust', '-E', 'UTF8', '--no-sync']), dir);
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  run(as(pgCtl, ['-D', data, '-l', join(dir, 'log'), '-o', settings, '-w', 'start']), dir);
  return {
    url: `postgresql://conformo@127.0.0.1:${port}/postgres`,
    async stop() {
      run(as(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']), dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
