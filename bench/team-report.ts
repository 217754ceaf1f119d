/** The "Team mode" section of docs/benchmarks.md and its console lines, from the `team` key of latest.json. */
import type { Distribution } from './stats';
import type { TeamResults } from './team';

/** The issue's aim for a change to reach everyone, with 50 clients (p95). */
export const PROPAGATION_AIM_MS = 100;
export const PROPAGATION_AIM_CLIENTS = 50;

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const ms = (value: number) =>
  value >= 100 ? `${Math.round(value).toLocaleString('en-GB')} ms` : `${value.toFixed(1)} ms`;
const pair = (d: Distribution) => `${ms(d.p50)} / ${ms(d.p95)}`;
const loadAverage = (load: readonly number[]) => load.map((l) => l.toFixed(2)).join(', ');
const n = (value: number) => value.toLocaleString('en-GB');

type Row = [string, string, string, string, string];

function rows(t: TeamResults): Row[] {
  const out: Row[] = [];
  for (const p of t.propagation) {
    const aimed = p.clients === PROPAGATION_AIM_CLIENTS;
    const met = p.timeouts === 0 && p.everyone.p95 <= PROPAGATION_AIM_MS;
    out.push([
      'A change by one client -> every other client has it (the last of them), p50 / p95',
      `${p.clients} clients`,
      `${n(p.samples)}${p.timeouts ? ` (${p.timeouts} timed out)` : ''}`,
      `${pair(p.everyone)} (max ${ms(p.everyone.max)})`,
      aimed ? `p95 ≤ ${PROPAGATION_AIM_MS} ms: ${met ? 'met' : '**not met**'}` : '',
    ]);
    // With two clients the first other client is the last one.
    if (p.clients > 2) {
      out.push([
        'The same change -> the first other client has it, p50 / p95',
        `${p.clients} clients`,
        n(p.samples),
        pair(p.first),
        '',
      ]);
    }
  }
  const m = t.memory;
  const each = `${m.assessments} assessments, ${n(m.answersEach)} answers each`;
  out.push(
    ['Server RSS, started, no connection', '—', '1', mib(m.idle.rss), ''],
    [
      'Server RSS with every assessment open (highest during the run)',
      each,
      '1',
      `${mib(m.open.rss)} (${mib(m.open.peakRss)})`,
      '',
    ],
    [
      'Server RSS per open assessment (open minus started, divided by the assessments)',
      each,
      '1',
      mib((m.open.rss - m.idle.rss) / m.assessments),
      '',
    ],
    [
      'Server JavaScript heap used after forced GC, started / open',
      each,
      '1',
      `${mib(m.idle.heapUsed)} / ${mib(m.open.heapUsed)}`,
      '',
    ],
    ['One answers document, encoded (a first sync)', `${n(m.answersEach)} answers`, '1', mib(m.documentBytes), ''],
  );
  return out;
}

const cell = (text: string) => text.replaceAll('|', '\\|');

export function teamMarkdown(t: TeamResults): string {
  const table = [
    '| Measure | Clients / assessments | Samples | Measured | Aim |',
    '|---|---|---|---|---|',
    ...rows(t).map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
  const clients = t.propagation.map((p) => p.clients).join(' and ');
  return `
## Team mode

Measured by the same \`npm run bench\` (bench/team*.ts; \`BENCH_TEAM=only npm run bench\` runs this part alone and keeps
the single-user figures above as they were). **Date:** ${t.date}. **Duration:** ${Math.round(t.durationS)} s.
**Load average** (1, 5, 15 min) at the start ${loadAverage(t.load.start)}, at the end ${loadAverage(t.load.end)}, highest
1-minute average during this part ${t.load.peak.toFixed(2)}, on ${t.cores} cores; this part keeps about two
cores busy itself (the server and the clients), so a load well above 2 means other work competed with it. Hocuspocus ${t.versions['@hocuspocus/server']}, Yjs
${t.versions.yjs}, better-sqlite3 ${t.versions['better-sqlite3']}.

${table}

- **Server.** ${t.server}: \`CONFORMO_DATA\` a fresh folder under the system's temporary directory, \`CONFORMO_PORT=0\`
  on 127.0.0.1, \`CONFORMO_SECRET\` set; a new server and folder for each series, deleted afterwards. Shares and one
  invitation per simulated person are made beforehand with the server's own modules (server/open-store.ts,
  server/tokens.ts \`invite\`). Every update is logged to SQLite before it is acknowledged, as in production.
- **Clients.** Real Hocuspocus providers (\`@hocuspocus/provider\` over \`ws\`), one WebSocket each, as one device has,
  all in the bench's own Node process (one clock for all of them, and one event loop: with ${t.propagation.at(-1)?.clients ?? 0}
  clients the receivers' work is done one after the other on this machine's ${t.cores} cores, shared with the server).
- **Propagation** (${clients} clients on one assessment): the answers document \`<shareId>/1/answers\` first holds the
  bench's ${n(t.propagation[0]?.answers ?? 0)} answers (~700-character comments). Each sample, one client (a different one each time)
  changes one answer's value with \`writeAnswers\` (src/engine/team-document.ts); the time runs from just before that
  call (\`performance.now()\`) to the Y.Doc \`update\` event, on the last of the other clients, whose document then holds
  the change. Samples are 20 ms apart and never overlap; the first 10 are not counted.
- **Memory** (${t.memory.assessments} shares, one client each connected to its answers document and still connected when
  measured, so every document is loaded on the server): each client writes the ${n(t.memory.answersEach)} answers with
  \`writeAnswers\` (every answer with its ~700-character comment: a heavy assessment) and waits until the server has
  acknowledged them, then the bench waits past the server's 5-second
  store debounce. RSS is \`VmRSS\` (and \`VmHWM\` for the highest) of \`/proc/<pid>/status\` of the server process; the
  heap is \`process.memoryUsage().heapUsed\` inside the server after two forced collections (the server is started with
  \`--expose-gc\` and a small module, bench/team-memory-probe.ts, that answers over the IPC channel). MiB are 2^20 bytes.
`;
}

export function teamConsoleLines(t: TeamResults): string[] {
  return rows(t).map((row) => `${row[0]} [${row[1]}, n=${row[2]}]: ${row[3]}${row[4] ? ` (${row[4]})` : ''}`);
}
