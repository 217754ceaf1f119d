import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { until } from './helpers';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything it printed, stdout and stderr. */
  output: () => string;
  /** SIGKILL, then waits for the exit. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `npm run server` as a child process (node with tsx's loader, so that the pid is the server's own and kill -9 hits
 * it, not a wrapper), resolved once it prints its address.
 */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts'), '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, CONFORMO_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  let exitedEarly = false;
  exited.then(() => {
    exitedEarly = true;
  });
  await until(() => /listening on http:\/\/[^\s]+/.test(output) || exitedEarly, 'the server to start', 30_000);
  const match = output.match(/listening on (http:\/\/[^\s:]+:(\d+))/);
  if (!match) throw new Error(`The server did not start:\n${output}`);
  const url = match[1] as string;
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    child,
    url,
    port: Number(match[2]),
    output: () => output,
    kill9: () => stopWith('SIGKILL'),
    stop: () => stopWith('SIGTERM'),
  };
}
