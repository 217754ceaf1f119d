/**
 * The team server for the team-mode figures, as `npm run server -- --no-build` runs it, in a child process with its
 * default SQLite store in a fresh temporary data folder (CONFORMO_DATA, CONFORMO_PORT=0, CONFORMO_SECRET). Shares and
 * invitations are made beforehand through the server's own modules (server/open-store.ts, server/tokens.ts), as
 * `npm run server -- share` and `invite` do. stop() ends the process and deletes the folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../server/open-store';
import { invite, randomId } from '../server/tokens';
import type { TeamRole } from '../src/engine/team-document';

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'bench-secret-for-the-team-server-0123456789';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface ShareSetup {
  shareId: string;
  /** One invitation per person: the server allows only a few sockets per token, as one device needs. */
  tokens: string[];
}

export interface ServerMemory {
  /** VmRSS and VmHWM of /proc/<pid>/status, bytes. */
  rss: number;
  peakRss: number;
  /** process.memoryUsage() inside the server after two forced collections, bytes. */
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface BenchServer {
  url: string;
  pid: number;
  memory(): Promise<ServerMemory>;
  /** What the server printed, for when something fails. */
  output(): string;
  stop(): Promise<void>;
}

/** Makes the shares (revision 1) and one invitation per person in each, in the data folder the server will use. */
export async function makeShares(
  dataDir: string,
  shares: number,
  people: number,
  role: TeamRole = 'editor',
): Promise<ShareSetup[]> {
  const store = await openStore({ dataDir });
  const secret = new TextEncoder().encode(SECRET);
  try {
    const made: ShareSetup[] = [];
    for (let s = 0; s < shares; s += 1) {
      const shareId = randomId();
      await store.createShare({ shareId, created: new Date().toISOString(), revision: 1 });
      const tokens: string[] = [];
      for (let p = 0; p < people; p += 1) {
        const { token } = await invite(store, secret, { shareId, role, name: `Person ${p + 1}`, days: 1 });
        tokens.push(token);
      }
      made.push({ shareId, tokens });
    }
    return made;
  } finally {
    await store.close();
  }
}

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'conformo-bench-team-'));

function statusBytes(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (!kb) throw new Error(`No ${field} in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

function heapOf(child: ChildProcess): Promise<Omit<ServerMemory, 'rss' | 'peakRss'>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The server did not answer "memory"')), 10_000);
    child.once('message', (usage) => {
      clearTimeout(timer);
      const u = usage as NodeJS.MemoryUsage & { collected: boolean };
      if (!u.collected) reject(new Error('The server runs without --expose-gc'));
      resolve({ heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external, arrayBuffers: u.arrayBuffers });
    });
    child.send('memory');
  });
}

/**
 * Starts `server/main.ts --no-build` with Node itself (node --import tsx rather than npx tsx, so that the pid is the
 * server's and not a launcher's) and waits for the address it prints.
 */
export async function startBenchServer(dataDir: string): Promise<BenchServer> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--import', './bench/team-memory-probe.ts', 'server/main.ts', '--no-build'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        CONFORMO_DATA: dataDir,
        CONFORMO_PORT: '0',
        CONFORMO_HOST: '127.0.0.1',
        CONFORMO_SECRET: SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The team server did not start:\n${printed}`)), START_TIMEOUT_MS);
    const look = () => {
      const found = /Conformo is at (http:\/\/\S+?)\/?$/m.exec(printed)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The team server exited with ${code}:\n${printed}`));
    });
  });
  const pid = child.pid as number;

  return {
    url,
    pid,
    async memory() {
      const heap = await heapOf(child);
      return { rss: statusBytes(pid, 'VmRSS'), peakRss: statusBytes(pid, 'VmHWM'), ...heap };
    },
    output: () => printed,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      process.off('exit', killOnExit);
    },
  };
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}
