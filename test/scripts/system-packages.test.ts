// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ensureSystemPackages, type System, TEST_PACKAGES } from '../../scripts/system-packages';

interface Machine {
  /** Commands on PATH. */
  commands: string[];
  /** Executable files outside PATH. */
  files?: string[];
  uid?: number;
  env?: Record<string, string>;
  /** Whether `sudo -n` runs without asking for a password. */
  passwordlessSudo?: boolean;
  /** What a successful `apt-get install` puts on PATH, by package. */
  provides?: Record<string, string[]>;
  /** Exit status of apt-get. */
  aptStatus?: number;
  /** Without Redis and PostgreSQL (present by default, so the other cases are about the browser tools). */
  withoutServices?: boolean;
}

/** Where Debian 12's postgresql package puts initdb: not on PATH. */
const INITDB = '/usr/lib/postgresql/15/bin/initdb';

/** A fake machine: records every command run, and apt-get install adds the commands its packages provide. */
function fakeSystem(machine: Machine): { system: System; ran: string[]; logged: string[] } {
  const commands = new Set([...machine.commands, ...(machine.withoutServices ? [] : ['redis-server'])]);
  const files = new Set([...(machine.files ?? []), ...(machine.withoutServices ? [] : [INITDB])]);
  const ran: string[] = [];
  const logged: string[] = [];
  const provides = machine.provides ?? {
    chromium: ['chromium'],
    'poppler-utils': ['pdftotext', 'pdfinfo'],
    qpdf: ['qpdf'],
    'redis-server': ['redis-server'],
  };
  const system: System = {
    env: machine.env ?? {},
    which: (command) => commands.has(command),
    isExecutable: (path) => files.has(path),
    uid: () => machine.uid ?? 1000,
    run: (argv) => {
      ran.push(argv.join(' '));
      if (argv[0] === 'sudo' && argv[1] === '-n' && !machine.passwordlessSudo) return 1;
      const apt = argv.indexOf('apt-get');
      if (apt < 0) return 0;
      const status = machine.aptStatus ?? 0;
      if (status === 0 && argv[apt + 1] === 'install') {
        for (const pkg of argv.slice(apt + 2).filter((a) => !a.startsWith('-'))) {
          for (const command of provides[pkg] ?? []) commands.add(command);
          if (pkg === 'postgresql' && machine.provides === undefined) files.add(INITDB);
        }
      }
      return status;
    },
    log: (line) => logged.push(line),
  };
  return { system, ran, logged };
}

const ALL = ['chromium', 'pdftotext', 'qpdf', 'apt-get', 'sudo'];

describe('system packages the tests need', () => {
  it('does nothing when chromium, pdftotext and qpdf are there', () => {
    const { system, ran } = fakeSystem({ commands: ALL });
    expect(ensureSystemPackages(TEST_PACKAGES, system)).toEqual({ ok: true, installed: [] });
    expect(ran).toEqual([]);
  });

  it('accepts Chromium at CHROMIUM_PATH instead of on PATH', () => {
    const { system, ran } = fakeSystem({
      commands: ['pdftotext', 'qpdf', 'apt-get'],
      files: ['/opt/chromium/chrome'],
      env: { CHROMIUM_PATH: '/opt/chromium/chrome' },
    });
    expect(ensureSystemPackages(TEST_PACKAGES, system)).toEqual({ ok: true, installed: [] });
    expect(ran).toEqual([]);
  });

  it('as root, installs only the missing packages with apt-get, non-interactively, and says so', () => {
    const { system, ran, logged } = fakeSystem({ commands: ['qpdf', 'apt-get'], uid: 0 });
    expect(ensureSystemPackages(TEST_PACKAGES, system)).toEqual({ ok: true, installed: ['chromium', 'poppler-utils'] });
    expect(ran).toEqual([
      'env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils',
    ]);
    expect(logged).toEqual(['Installing chromium poppler-utils with apt-get (missing: chromium, pdftotext)']);
  });

  it('as another user, installs with sudo -n when sudo needs no password', () => {
    const { system, ran } = fakeSystem({ commands: ['apt-get', 'sudo'], passwordlessSudo: true });
    expect(ensureSystemPackages(TEST_PACKAGES, system)).toEqual({
      ok: true,
      installed: ['chromium', 'poppler-utils', 'qpdf'],
    });
    expect(ran).toEqual([
      'sudo -n true',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils qpdf',
    ]);
  });

  it('stops with the one command to run when sudo asks for a password, installing nothing', () => {
    const { system, ran } = fakeSystem({ commands: ['chromium', 'apt-get', 'sudo'] });
    const outcome = ensureSystemPackages(TEST_PACKAGES, system);
    expect(ran).toEqual(['sudo -n true']);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toContain('Missing system packages: poppler-utils (pdftotext), qpdf.');
    expect(outcome.message).toContain('sudo asks for a password');
    expect(outcome.message.split('\n').at(-1)).toBe('  sudo apt-get install -y poppler-utils qpdf');
  });

  it('stops when there is no sudo and it is not root', () => {
    const { system, ran } = fakeSystem({ commands: ['apt-get'] });
    const outcome = ensureSystemPackages(TEST_PACKAGES, system);
    expect(ran).toEqual([]);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining('sudo is not installed') });
  });

  it('stops when there is no apt-get, even as root', () => {
    const { system, ran } = fakeSystem({ commands: ['chromium', 'pdftotext'], uid: 0 });
    const outcome = ensureSystemPackages(TEST_PACKAGES, system);
    expect(ran).toEqual([]);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining('apt-get is not available') });
    expect(outcome).toMatchObject({ message: expect.stringMatching(/sudo apt-get install -y qpdf$/) });
  });

  it('stops when apt-get fails, without trying to install after a failed update', () => {
    const { system, ran } = fakeSystem({ commands: ['apt-get'], uid: 0, aptStatus: 100 });
    const outcome = ensureSystemPackages(TEST_PACKAGES, system);
    expect(ran).toEqual(['env DEBIAN_FRONTEND=noninteractive apt-get update -qq']);
    expect(outcome).toMatchObject({
      ok: false,
      message: expect.stringMatching(/apt-get failed[\s\S]*sudo apt-get install -y chromium poppler-utils qpdf$/),
    });
  });

  it('stops when apt-get succeeds but the command is still missing', () => {
    const { system } = fakeSystem({ commands: ['apt-get', 'chromium', 'pdftotext'], uid: 0, provides: {} });
    expect(ensureSystemPackages(TEST_PACKAGES, system)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Missing system packages: qpdf. apt-get ran but they are still missing.'),
    });
  });

  it('does not install Chromium over a CHROMIUM_PATH that names nothing: says to fix the variable', () => {
    const { system, ran } = fakeSystem({
      commands: ['chromium', 'pdftotext', 'qpdf', 'apt-get'],
      uid: 0,
      env: { CHROMIUM_PATH: '/nowhere/chrome' },
    });
    const outcome = ensureSystemPackages(TEST_PACKAGES, system);
    expect(ran).toEqual([]);
    expect(outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining('CHROMIUM_PATH=/nowhere/chrome is not an executable file: fix or unset it.'),
    });
    expect(outcome).toMatchObject({ message: expect.not.stringContaining('apt-get install') });
  });

  it('finds initdb in PostgreSQL’s own folder, and installs redis-server and postgresql when missing', () => {
    const { system, ran } = fakeSystem({ commands: [...ALL], uid: 0, withoutServices: true });
    expect(ensureSystemPackages(TEST_PACKAGES, system)).toEqual({
      ok: true,
      installed: ['redis-server', 'postgresql'],
    });
    expect(ran.at(-1)).toBe('env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server postgresql');
    expect(ensureSystemPackages(TEST_PACKAGES, system)).toEqual({ ok: true, installed: [] });
  });

  it('takes its list as data: another package is checked and installed the same way', () => {
    const { system, ran } = fakeSystem({
      commands: ['apt-get'],
      uid: 0,
      provides: { 'libreoffice-writer-nogui': ['soffice'] },
    });
    expect(ensureSystemPackages([{ name: 'libreoffice-writer-nogui', command: 'soffice' }], system)).toEqual({
      ok: true,
      installed: ['libreoffice-writer-nogui'],
    });
    expect(ran.at(-1)).toBe('env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui');
  });
});
