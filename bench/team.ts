/**
 * The team-mode figures of `npm run bench`: propagation latency with 2 and with 50 clients on one assessment, and the
 * server's memory with 200 assessments open. Each part gets its own server child process (bench/team-server.ts) in
 * its own temporary data folder, removed afterwards; the clients are real Hocuspocus clients in this process.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { measureMemory, type TeamMemoryResult } from './team-memory';
import { measurePropagation, type PropagationResult } from './team-propagation';
import { type BenchServer, makeShares, removeDataDir, startBenchServer, tempDataDir } from './team-server';

export interface TeamPlan {
  /** Clients on one assessment, one propagation series each. */
  clients: number[];
  samples: number;
  assessments: number;
}

export const TEAM_PLAN: TeamPlan = { clients: [2, 50], samples: 200, assessments: 200 };
export const TEAM_QUICK_PLAN: TeamPlan = { clients: [2, 10], samples: 20, assessments: 20 };

export interface TeamResults {
  date: string;
  durationS: number;
  /** 1-, 5- and 15-minute load averages at the start and end of this part, and the highest 1-minute one (every 1 s). */
  load: { start: number[]; end: number[]; peak: number };
  cores: number;
  server: string;
  versions: Record<string, string>;
  propagation: PropagationResult[];
  memory: TeamMemoryResult;
}

const ROOT = join(import.meta.dirname, '..');
const SERVER = 'node --import tsx server/main.ts --no-build (child process), SQLite in a temporary data folder';

async function withServer<T>(
  shares: number,
  people: number,
  work: (server: BenchServer, setups: Awaited<ReturnType<typeof makeShares>>) => Promise<T>,
): Promise<T> {
  const dataDir = tempDataDir();
  try {
    const setups = await makeShares(dataDir, shares, people, people > 1 ? 'editor' : 'owner');
    const server = await startBenchServer(dataDir);
    try {
      return await work(server, setups);
    } catch (error) {
      process.stderr.write(server.output());
      throw error;
    } finally {
      await server.stop();
    }
  } finally {
    removeDataDir(dataDir);
  }
}

const version = (name: string) =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

export async function measureTeam(plan: TeamPlan, log: (line: string) => void): Promise<TeamResults> {
  const started = performance.now();
  const start = loadavg();
  let peak = start[0] ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, loadavg()[0] ?? 0);
  }, 1000);
  sampler.unref();
  try {
    const propagation: PropagationResult[] = [];
    for (const clients of plan.clients) {
      const result = await withServer(1, clients, (server, [setup]) => {
        if (!setup) throw new Error('No share');
        return measurePropagation(server.url, setup, plan.samples, log);
      });
      log(
        `propagation, ${clients} clients: everyone p50/p95 ${result.everyone.p50}/${result.everyone.p95} ms over ${result.samples} samples (${result.timeouts} timed out)`,
      );
      propagation.push(result);
    }
    const memory = await withServer(plan.assessments, 1, (server, setups) => measureMemory(server, setups, log));
    const mib = (bytes: number) => (bytes / 1048576).toFixed(1);
    log(
      `memory, ${memory.assessments} assessments open: RSS ${mib(memory.open.rss)} MiB (idle ${mib(memory.idle.rss)}), heap ${mib(memory.open.heapUsed)} MiB`,
    );
    return {
      date: new Date().toISOString(),
      durationS: (performance.now() - started) / 1000,
      load: { start, end: loadavg(), peak: Math.max(peak, loadavg()[0] ?? 0) },
      cores: cpus().length,
      server: SERVER,
      versions: Object.fromEntries(
        ['@hocuspocus/server', '@hocuspocus/provider', 'yjs', 'better-sqlite3'].map((name) => [name, version(name)]),
      ),
      propagation,
      memory,
    };
  } finally {
    clearInterval(sampler);
  }
}
