import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the built app is made of: when any of it is newer than dist/index.html, the app is built again. */
const SOURCES = ['src', 'questionnaires', 'locales', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newest(path: string): number {
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((latest, entry) => Math.max(latest, newest(join(path, entry))), info.mtimeMs);
}

export function needsBuild(root: string): boolean {
  const built = newest(join(root, 'dist', 'index.html'));
  return built === 0 || SOURCES.some((source) => newest(join(root, source)) > built);
}

/** Builds the app into dist/ the way `npm run build` does, without its type-check. */
export function buildApp(root: string, log: (line: string) => void): void {
  log('Building the app into dist/ (it is missing or older than its sources)');
  for (const [command, args] of [
    ['npx', ['tsx', 'scripts/generate-validators.ts']],
    ['npx', ['vite', 'build', '--logLevel', 'warn']],
  ] as const) {
    const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  }
}
