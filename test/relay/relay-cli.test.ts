/** `npx midtrans-kit relay --to amqp://…` as a process: relays what the app writes, stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createMidtrans } from '../../src/index.js';
import { runCli } from '../support/cli-process.js';
import { tempSqliteFile } from '../support/databases.js';
import { waitFor } from '../support/wait-for.js';
import { rabbitMqBroker } from './brokers/rabbitmq.js';
import { writeEvents } from './sink-suite.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('midtrans-kit relay', () => {
  const file = tempSqliteFile();
  const env = { MIDTRANS_DATABASE_URL: file, MIDTRANS_TABLE_PREFIX: 'relaycli_' };
  const kit = createMidtrans({
    serverKey: 'SB-Mid-server-RELAYCLI',
    database: { client: 'better-sqlite3', connection: { filename: file } },
    tablePrefix: 'relaycli_',
  });
  afterAll(() => kit.close());

  it('publishes what the app wrote, and exits 0 on SIGTERM', async () => {
    const reason = await rabbitMqBroker.unreachable();
    if (reason !== undefined && process.env.CI === 'true') throw new Error(reason);
    if (reason !== undefined) return;
    await kit.migrate();
    const suffix = randomBytes(4).toString('hex');
    const reader = await rabbitMqBroker.openReader(suffix);
    try {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli.ts',
          'relay',
          '--to',
          'amqp://guest:guest@127.0.0.1:5672',
          '--channel',
          `t.${suffix}`,
        ],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      await waitFor(() => out.includes('relaying to rabbitmq'), {
        what: 'the relay to start',
        timeoutMs: 20_000,
      });
      await writeEvents(kit, suffix, 25, 3);
      await waitFor(async () => (await kit.events.pending('relay:rabbitmq')) === 0, {
        what: 'the relay to drain',
        timeoutMs: 20_000,
      });
      const arrived = await reader.arrived();
      expect(new Set(arrived.map((m) => m.id)).size).toBe(25);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(err).toBe('');
      expect(out).toContain('stopped after publishing 25 events');
    } finally {
      await reader.dispose();
    }
  }, 60_000);

  it('refuses a URL it cannot relay to (exit 2)', async () => {
    const run = await runCli(['relay', '--to', 'ftp://example'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--to must be');
  });
});
