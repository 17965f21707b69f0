/** `midtrans-kit migrate` and `midtrans-kit reconcile` as a cron would run them, on a SQLite file. */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMidtransClient } from '../../src/client/index.js';
import { createMidtrans } from '../../src/index.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { createKnexStore, type KnexStore } from '../../src/storage/index.js';
import { runCli } from '../support/cli-process.js';
import { tempSqliteFile } from '../support/databases.js';
import { orderId, vaCharge } from './webhook-helpers.js';

const SERVER_KEY = 'SB-Mid-server-CLI';

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
      const run = await runCli(['migrate'], env);
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
    const run = await runCli(['reconcile', '--older-than', '0', '--batch-size', '10'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      examined: 1,
      updated: 1,
      unchanged: 0,
      failed: 0,
      errors: [],
    });
    expect((await store.payments.findByOrderId(id))?.status).toBe('paid');
    // The CLI listens to nothing, so it delivers nothing: the host's process still gets payment.paid.
    const due = await store.outbox.listDue({ now: new Date(Date.now() + 3_600_000) });
    expect(due.map((event) => event.type)).toContain('payment.paid');
    const host = createMidtrans({
      serverKey: SERVER_KEY,
      apiBaseUrl: sim.apiUrl,
      database: { client: 'better-sqlite3', connection: { filename: file } },
      tablePrefix: 'cli_',
    });
    const heard: string[] = [];
    host.events.on('payment.paid', (event) => {
      heard.push(event.payment.orderId);
    });
    await host.events.dispatchPending();
    await host.close();
    expect(heard).toEqual([id]);
  }, 30_000);

  it('exits 1 when payments could not be checked', async () => {
    const id = orderId('CLI');
    await store.payments.insert({ orderId: id, grossAmount: 1_000, status: 'pending' });
    const run = await runCli(['reconcile', '--older-than=0'], {
      ...env,
      MIDTRANS_API_BASE_URL: 'http://127.0.0.1:9',
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ failed: 1, errors: [{ orderId: id }] });
  }, 30_000);

  it('exits 2 on bad arguments or configuration', async () => {
    const { MIDTRANS_SERVER_KEY: _key, ...keyless } = env;
    const runs = await Promise.all([
      runCli(['reconcile', '--bogus', '1'], env),
      runCli(['reconcile', '--batch-size', '0'], env),
      runCli(['reconcile'], keyless),
      runCli(['migrate', 'extra'], env),
      runCli(['migrate'], { ...env, MIDTRANS_DATABASE_URL: 'mongodb://x' }),
    ]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2, 2]);
    expect(runs[2]?.stderr).toContain('MIDTRANS_SERVER_KEY');
  }, 30_000);
});
