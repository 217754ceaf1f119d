/**
 * The Debian packages the tests need besides npm's, installed with apt-get when missing (as root, or with `sudo -n`
 * when sudo needs no password), so that the README's `npm test` passes on a fresh machine by itself. When they cannot
 * be installed, the run stops at once with the one command to run, instead of a page of browser failures.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface SystemPackage {
  /** The Debian package that provides `command`. */
  name: string;
  /** The command whose presence shows the package is installed. */
  command: string;
  /** An environment variable that, when set, names the executable to use instead of `command` on PATH. */
  pathVariable?: string;
  /** Directories besides PATH where Debian puts `command` (PostgreSQL's programs live in its versioned lib folder). */
  directories?: readonly string[];
}

/** Debian's PostgreSQL 15 (bookworm) keeps initdb and pg_ctl out of PATH. */
export const POSTGRESQL_DIRECTORIES = [
  '/usr/lib/postgresql/15/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/17/bin',
];

/** The services the team server's cluster test starts on loopback (test/server/cluster.test.ts). */
export const SERVICE_PACKAGES: readonly SystemPackage[] = [
  { name: 'redis-server', command: 'redis-server' },
  { name: 'postgresql', command: 'initdb', directories: POSTGRESQL_DIRECTORIES },
];

/** What `npm test` needs. Add a service here when a test needs it. */
export const TEST_PACKAGES: readonly SystemPackage[] = [
  { name: 'chromium', command: 'chromium', pathVariable: 'CHROMIUM_PATH' },
  { name: 'poppler-utils', command: 'pdftotext' },
  { name: 'qpdf', command: 'qpdf' },
  ...SERVICE_PACKAGES,
];

/** The machine, as far as this module looks at it; tests pass a fake one. */
export interface System {
  env: Readonly<Record<string, string | undefined>>;
  /** Whether `command` is an executable on PATH. */
  which: (command: string) => boolean;
  /** Whether `path` is an executable file. */
  isExecutable: (path: string) => boolean;
  /** The user id (`id -u`). */
  uid: () => number;
  /** Runs a command, its output shown unless quiet; returns its exit status (null when it could not start). */
  run: (argv: readonly string[], options?: { quiet?: boolean }) => number | null;
  log: (line: string) => void;
}

export type Outcome = { ok: true; installed: string[] } | { ok: false; message: string };

function isPresent(pkg: SystemPackage, system: System): boolean {
  const override = pkg.pathVariable ? system.env[pkg.pathVariable] : undefined;
  if (override) return system.isExecutable(override);
  return (
    system.which(pkg.command) || (pkg.directories ?? []).some((dir) => system.isExecutable(join(dir, pkg.command)))
  );
}

/** Where `command` is: on PATH or in one of the package's own directories; undefined when missing. */
export function locate(pkg: SystemPackage, command = pkg.command): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), ...(pkg.directories ?? [])]) {
    if (dir !== '' && isExecutableFile(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

export function missingPackages(packages: readonly SystemPackage[], system: System): SystemPackage[] {
  return packages.filter((pkg) => !isPresent(pkg, system));
}

/** How to run apt-get here: directly as root, or with `sudo -n` when it needs no password; else why not. */
function aptPrefix(system: System): { prefix: string[] } | { reason: string } {
  if (!system.which('apt-get')) return { reason: 'apt-get is not available (the tests expect Debian or Ubuntu).' };
  if (system.uid() === 0) return { prefix: [] };
  if (!system.which('sudo')) return { reason: 'Installing them needs root, and sudo is not installed.' };
  if (system.run(['sudo', '-n', 'true'], { quiet: true }) !== 0) {
    return { reason: 'Installing them needs root, and sudo asks for a password.' };
  }
  return { prefix: ['sudo', '-n'] };
}

function describe(packages: readonly SystemPackage[]): string {
  return packages.map((pkg) => (pkg.name === pkg.command ? pkg.name : `${pkg.name} (${pkg.command})`)).join(', ');
}

/** The one command that installs what is missing, as the stop message prints it. */
export function installCommand(missing: readonly SystemPackage[]): string {
  return `sudo apt-get install -y ${missing.map((p) => p.name).join(' ')}`;
}

function cannotInstall(missing: readonly SystemPackage[], reason: string, system: System): Outcome {
  const variables = missing.filter((pkg) => pkg.pathVariable && system.env[pkg.pathVariable]);
  const lines = [`Missing system packages: ${describe(missing)}. ${reason}`];
  for (const pkg of variables) {
    lines.push(
      `${pkg.pathVariable}=${system.env[pkg.pathVariable as string]} is not an executable file: fix or unset it.`,
    );
  }
  const installable = missing.filter((pkg) => !variables.includes(pkg));
  if (installable.length > 0) {
    lines.push('Run this, then run the tests again:', '', `  ${installCommand(installable)}`);
  }
  return { ok: false, message: lines.join('\n') };
}

/** Installs whichever of `packages` is missing, or says why it cannot and what to run. */
export function ensureSystemPackages(packages: readonly SystemPackage[], system: System): Outcome {
  const missing = missingPackages(packages, system);
  if (missing.length === 0) return { ok: true, installed: [] };
  // apt-get cannot repair a variable that names a file that does not exist.
  if (missing.some((pkg) => pkg.pathVariable && system.env[pkg.pathVariable])) {
    return cannotInstall(missing, 'A path set in the environment does not exist.', system);
  }
  const apt = aptPrefix(system);
  if ('reason' in apt) return cannotInstall(missing, apt.reason, system);
  const names = missing.map((pkg) => pkg.name);
  system.log(`Installing ${names.join(' ')} with apt-get (missing: ${missing.map((p) => p.command).join(', ')})`);
  // `env` sets the variable for apt-get itself: sudo would drop it from our environment.
  const aptGet = (...args: string[]) =>
    system.run([...apt.prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]) === 0;
  if (!aptGet('update', '-qq') || !aptGet('install', '-y', '-qq', ...names)) {
    return cannotInstall(missing, 'apt-get failed (its output is above).', system);
  }
  const stillMissing = missingPackages(missing, system);
  if (stillMissing.length > 0) return cannotInstall(stillMissing, 'apt-get ran but they are still missing.', system);
  return { ok: true, installed: names };
}

export const realSystem: System = {
  env: process.env,
  which: (command) =>
    (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutableFile(join(dir, command))),
  isExecutable: isExecutableFile,
  uid: () => process.getuid?.() ?? -1,
  run: ([command, ...args], options = {}) =>
    command ? spawnSync(command, args, { stdio: options.quiet ? 'ignore' : 'inherit' }).status : null,
  log: (line) => console.log(line),
};

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
