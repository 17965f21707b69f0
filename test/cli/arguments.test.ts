/**
 * The `midtrans-kit` command line: the shared parser in-process, then the real command in child
 * processes (help of each subcommand, a bad option blamed by name, errors printed once).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliCommand, CliUsageError, cliHelp, parseCliArgs } from '../../src/cli-args.js';
import { runCli } from '../support/cli-process.js';

const COMMAND: CliCommand<'size' | 'rate' | 'name'> = {
  name: 'demo',
  summary: 'A demo.',
  options: {
    size: { value: '<n>', description: 'how many', default: '5', env: 'DEMO_SIZE' },
    rate: { value: '<x>', description: 'how fast' },
    name: { value: '<text>', description: 'what' },
  },
};

function usageError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    return (error as Error).message;
  }
  throw new Error('no error thrown');
}

describe('parseCliArgs', () => {
  it('reads --name value and --name=value, flags before variables, help as a switch', () => {
    const parsed = parseCliArgs(COMMAND, ['--size', '7', '--rate=0.5', '-h'], { DEMO_SIZE: '9' });
    expect(parsed.help).toBe(true);
    expect(parsed.integer('size', 1, 10)).toBe(7);
    expect(parsed.positive('rate')).toBe(0.5);
    expect(parsed.text('name')).toBeUndefined();
    expect(parseCliArgs(COMMAND, [], { DEMO_SIZE: '9' }).integer('size', 1)).toBe(9);
    expect(parseCliArgs(COMMAND, [], { DEMO_SIZE: '' }).integer('size', 1)).toBeUndefined();
  });

  it('blames the flag or the variable that carried a bad value', () => {
    expect(usageError(() => parseCliArgs(COMMAND, ['--size', 'abc', '--rate', '1']).integer('size', 1))).toBe(
      '--size must be an integer of at least 1 (got "abc")',
    );
    expect(usageError(() => parseCliArgs(COMMAND, [], { DEMO_SIZE: '0x10' }).integer('size', 1, 99))).toBe(
      'DEMO_SIZE must be an integer from 1 to 99 (got "0x10")',
    );
    for (const rate of ['0', '-1', 'fast', '1e999']) {
      expect(usageError(() => parseCliArgs(COMMAND, [`--rate=${rate}`]).positive('rate'))).toMatch(
        /^--rate /,
      );
    }
  });

  it('refuses unknown options, missing and empty values, and positionals', () => {
    expect(usageError(() => parseCliArgs(COMMAND, ['--sise', '1']))).toContain("'--sise'");
    expect(usageError(() => parseCliArgs(COMMAND, ['--size']))).toContain('--size');
    expect(usageError(() => parseCliArgs(COMMAND, ['--name=']))).toBe('--name needs a value');
    expect(usageError(() => parseCliArgs(COMMAND, ['extra']))).toContain("'extra'");
  });

  it('writes the help from the same table, defaults and variables included', () => {
    expect(cliHelp(COMMAND)).toMatch(/\n {2}--size <n> +how many \(default 5\)\n/);
    expect(cliHelp(COMMAND)).toMatch(/\n\s+env DEMO_SIZE\n/);
    expect(cliHelp(COMMAND)).toMatch(/-h, --help\s+this text/);
  });
});

describe('midtrans-kit (child process)', () => {
  it('gives each subcommand its own help, with its defaults', async () => {
    const [top, migrate, reconcile, simulator] = await Promise.all([
      runCli(['--help']),
      runCli(['migrate', '--help']),
      runCli(['reconcile', '--help']),
      runCli(['simulator', '-h']),
    ]);
    for (const run of [top, migrate, reconcile, simulator]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    }
    expect(top.stdout).toMatch(/Commands:\n\s+simulator[\s\S]+migrate[\s\S]+reconcile/);
    expect(migrate.stdout).toMatch(/^Usage: midtrans-kit migrate/);
    expect(migrate.stdout).toContain('MIDTRANS_DATABASE_URL');
    expect(migrate.stdout).not.toContain('--older-than');
    expect(reconcile.stdout).toMatch(/^Usage: midtrans-kit reconcile/);
    expect(reconcile.stdout).toMatch(/--older-than <seconds>.*\(default 300\)/);
    expect(reconcile.stdout).toMatch(/--batch-size <n>.*\(default 50\)/);
    expect(reconcile.stdout).toMatch(/--concurrency <n>.*\(default 4\)/);
    expect(simulator.stdout).toMatch(/^Usage: midtrans-kit simulator --server-key <key>/);
    expect(simulator.stdout).toMatch(/--port <n>.*\(default 4010\)/);
  }, 30_000);

  it('blames the bad option by name, once, without a stack, exit 2', async () => {
    const runs = await Promise.all([
      runCli(['simulator', '--port', 'abc', '--server-key', 'SB-Mid-server-X', '--time-scale', '2']),
      runCli(['simulator', '--server-key', 'SB-Mid-server-X', '--time-scale', '-1']),
      runCli(['simulator', '--port', '0']),
      runCli(['reconcile', '--concurency', '2']),
      runCli(['reconcile'], { MIDTRANS_RECONCILE_BATCH_SIZE: 'lots' }),
      runCli(['frobnicate']),
      runCli([]),
    ]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    const [port, scale, key, typo, variable, unknown, none] = runs.map((run) => run.stderr);
    expect(port).toBe(
      'midtrans-kit simulator: --port must be an integer from 0 to 65535 (got "abc")\n' +
        'See "midtrans-kit simulator --help".\n',
    );
    expect(scale).toMatch(/^midtrans-kit simulator: Option '--time-scale' argument is ambiguous/);
    expect(key).toMatch(/^midtrans-kit simulator: --server-key \(or MIDTRANS_SERVER_KEY\) is required\n/);
    expect(typo).toMatch(/^midtrans-kit reconcile: Unknown option '--concurency'\n/);
    expect(variable).toMatch(
      /^midtrans-kit reconcile: MIDTRANS_RECONCILE_BATCH_SIZE must be an integer from 1 to 1000 \(got "lots"\)\n/,
    );
    expect(unknown).toMatch(/^midtrans-kit: unknown command "frobnicate"/);
    expect(none).toMatch(/^midtrans-kit: a command is needed/);
    for (const run of runs) {
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  }, 30_000);

  it('says what migrate did, reading DATABASE_URL like the README app', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kit-cli-')), 'kit.sqlite');
    const first = await runCli(['migrate'], { DATABASE_URL: file });
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(
      /^midtrans-kit: applied \d+ migrations \(0001_create_tables, .+\); the tables are up to date\n$/,
    );
    const second = await runCli(['migrate'], { DATABASE_URL: file });
    expect(second.stdout).toBe('midtrans-kit: the tables were already up to date; nothing to do\n');
    // MIDTRANS_DATABASE_URL wins when the kit's tables live apart from the app's database.
    const apart = join(dirname(file), 'apart.sqlite');
    const third = await runCli(['migrate'], { DATABASE_URL: file, MIDTRANS_DATABASE_URL: apart });
    expect(third.stdout).toMatch(/applied \d+ migrations/);
    expect(existsSync(apart)).toBe(true);
  }, 30_000);

  it('reports a failure to start once, as one line, exit 1', async () => {
    const run = await runCli(['migrate'], { MIDTRANS_DATABASE_URL: '/nonexistent-dir/kit.sqlite' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^midtrans-kit migrate: /);
  }, 30_000);
});
