/** `midtrans-kit migrate` and `midtrans-kit reconcile` as a cron would run them, on a SQLite file. */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMidtransClient } from '../../src/client/index.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { createKnexStore, type KnexStore } from '../../src/storage/index.js';
import { tempSqliteFile } from '../support/databases.js';
import { orderId, vaCharge } from './webhook-helpers.js';

const SERVER_KEY = 'SB-Mid-server-CLI';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('midtrans-kit migrate / reconcile', () => {
  const file = tempSqliteFile();
  let sim: Simulator;
  let store: KnexStore;
  let env: Record<string, string>;

  beforeAll(async () => {
    sim = await startSimulator({ serverKey: SERVER_KEY });
    env = {
      MIDTRANS_SERVER_KEY: SERVER_KEY,
      MIDTRANS_API_BASE_URL: sim.apiUrl,
      MIDTRANS_DATABASE_URL: file,
      MIDTRANS_TABLE_PREFIX: 'cli_',
    };
  });

  afterAll(async () => {
    await store?.close();
    await sim.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  });

  it('migrates a SQLite file (twice: idempotent)', async () => {
    for (let i = 0; i < 2; i += 1) {
      const run = await cli(['migrate'], env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    store = createKnexStore({
      database: { client: 'better-sqlite3', connection: { filename: file } },
      tablePrefix: 'cli_',
    });
    expect(await store.payments.findByOrderId('none')).toBeUndefined();
  }, 30_000);

  it('reconciles: an unknown payment Midtrans settled becomes paid, summary on stdout', async () => {
    const id = orderId('CLI');
    await store.payments.insert({ orderId: id, grossAmount: 12_000, status: 'unknown' });
    const client = createMidtransClient({ serverKey: SERVER_KEY, apiBaseUrl: sim.apiUrl });
    await client.core.charge(vaCharge(id, 12_000));
    sim.controls.pay(id);
    const run = await cli(['reconcile', '--older-than', '0', '--batch-size', '10'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ examined: 1, updated: 1, unchanged: 0, failed: 0, errors: [] });
    expect((await store.payments.findByOrderId(id))?.status).toBe('paid');
  }, 30_000);

  it('exits 1 when payments could not be checked', async () => {
    const id = orderId('CLI');
    await store.payments.insert({ orderId: id, grossAmount: 1_000, status: 'pending' });
    const run = await cli(['reconcile', '--older-than=0'], {
      ...env,
      MIDTRANS_API_BASE_URL: 'http://127.0.0.1:9',
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ failed: 1, errors: [{ orderId: id }] });
  }, 30_000);

  it('exits 2 on bad arguments or configuration', async () => {
    const { MIDTRANS_SERVER_KEY: _key, ...keyless } = env;
    const runs = await Promise.all([
      cli(['reconcile', '--bogus', '1'], env),
      cli(['reconcile', '--batch-size', '0'], env),
      cli(['reconcile'], keyless),
      cli(['migrate', 'extra'], env),
      cli(['migrate'], { ...env, MIDTRANS_DATABASE_URL: 'mongodb://x' }),
    ]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2, 2]);
    expect(runs[2]?.stderr).toContain('MIDTRANS_SERVER_KEY');
  }, 30_000);
});
