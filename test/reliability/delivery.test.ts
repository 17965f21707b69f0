/**
 * Delivery through a deploy: the host's webhook answers 5xx for a while (its proxy during a
 * deploy), the simulator retries on Midtrans's schedule (compressed with `timeScale`), and every
 * notification ends applied. A 503 buys four retries, enough to outlast the deploy; a 500 buys
 * only one (Midtrans's rule), so those notifications are given up and the reconciler — which a
 * host must run — applies them instead. Either way nothing is lost.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMidtrans, type MidtransKit } from '../../src/kit.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { orderId } from '../services/webhook-helpers.js';
import { tempSqliteFile, testDatabaseConfig, testTablePrefix } from '../support/databases.js';
import { TEST_SERVER_KEY } from '../support/kit-harness.js';
import { report } from './support.js';

const PAYMENTS = 20;

describe('reliability: delivery through a deploy', () => {
  let server: Server;
  let sim: Simulator;
  let kit: MidtransKit;
  /** The status the "proxy" answers while the app is down; undefined when it is up. */
  let downWith: number | undefined;
  let refusedByProxy = 0;
  const file = tempSqliteFile();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (downWith !== undefined) {
          refusedByProxy += 1;
          res.writeHead(downWith).end('deploying');
          return;
        }
        void kit.notifications.handle(Buffer.concat(chunks), req.headers).then((result) => {
          res.writeHead(result.httpStatus, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ verdict: result.verdict }));
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Midtrans's intervals (2, 10, 30, 90, 210 min) become 120 ms, 600 ms, 1.8 s, 5.4 s, 12.6 s.
    sim = await startSimulator({
      serverKey: TEST_SERVER_KEY,
      notificationUrl: `http://127.0.0.1:${port}/notifications`,
      notificationRetry: { timeScale: 0.001, jitter: 0, timeoutMs: 5000 },
    });
    kit = createMidtrans({
      serverKey: TEST_SERVER_KEY,
      apiBaseUrl: sim.apiUrl,
      database: testDatabaseConfig('sqlite', file),
      tablePrefix: testTablePrefix('delivery'),
    });
    await kit.migrate();
  });
  afterAll(async () => {
    await sim?.close();
    await kit?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  });

  async function deploy(status: number, downMs: number) {
    downWith = status;
    refusedByProxy = 0;
    const ids = Array.from({ length: PAYMENTS }, () => orderId(`DEP${status}`));
    for (const id of ids)
      await kit.payments.createCharge({ orderId: id, paymentType: 'qris', grossAmount: 15_000 });
    for (const id of ids) sim.controls.pay(id);
    await new Promise((resolve) => setTimeout(resolve, downMs));
    downWith = undefined;
    await sim.controls.idle({ timeoutMs: 20_000 });
    const attempts = ids.flatMap((id) => sim.controls.deliveries(id));
    const paidByWebhook = (
      await Promise.all(ids.map(async (id) => (await kit.store.payments.findByOrderId(id))?.status))
    ).filter((status) => status === 'paid').length;
    return { ids, attempts, paidByWebhook, refused: refusedByProxy };
  }

  async function stored(ids: readonly string[]) {
    return Promise.all(ids.map(async (id) => (await kit.store.payments.findByOrderId(id))?.status));
  }

  it('503 during a 1 s deploy: the simulator retries and every notification is applied', async () => {
    const { ids, attempts, paidByWebhook, refused } = await deploy(503, 1000);
    const gaveUp = attempts.filter((a) => a.outcome === 'gave-up').length;
    const rows = await kit.store
      .knex(kit.store.tables.notifications)
      .whereIn('order_id', ids)
      .count({ n: '*' });
    const lost = (await stored(ids)).filter((status) => status !== 'paid').length;
    report('delivery 503 deploy', {
      notifications: ids.length * 2,
      attempts: attempts.length,
      refusedDuringDeploy: refused,
      gaveUp,
      storedDeliveries: Number(rows[0]?.n ?? 0),
      paidByWebhook,
      lost,
    });
    expect(refused).toBeGreaterThan(0);
    expect(gaveUp).toBe(0);
    expect(paidByWebhook).toBe(ids.length);
    // Every delivery that reached the app is stored (the proxy's refusals never did).
    expect(Number(rows[0]?.n ?? 0)).toBe(attempts.length - refused);
    expect(lost).toBe(0);
  }, 60_000);

  it('500 during a deploy: Midtrans gives up after one retry; the reconciler applies the rest', async () => {
    const { ids, attempts, paidByWebhook, refused } = await deploy(500, 600);
    const gaveUp = attempts.filter((a) => a.outcome === 'gave-up').length;
    const summary = await kit.reconciler.run({ olderThan: 0, leaseMs: 0 });
    const lost = (await stored(ids)).filter((status) => status !== 'paid').length;
    report('delivery 500 deploy', {
      notifications: ids.length * 2,
      attempts: attempts.length,
      refusedDuringDeploy: refused,
      gaveUp,
      paidByWebhook,
      repairedByReconciler: summary.updated,
      lost,
    });
    expect(gaveUp).toBeGreaterThan(0);
    expect(paidByWebhook + summary.updated).toBe(ids.length);
    expect(lost).toBe(0);
  }, 60_000);
});
