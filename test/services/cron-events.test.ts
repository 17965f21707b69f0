/**
 * The documented cron (`npx midtrans-kit reconcile`, a process that consumes nothing) must not eat
 * the host's events: every `payment.paid` it causes reaches the host's consumer, whether the host is
 * running at the time (it polls) or starts later; an event the host failed on stays the host's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMidtransClient } from '../../src/client/index.js';
import { createMidtrans, type MidtransKit } from '../../src/index.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { runCli } from '../support/cli-process.js';
import {
  DEFAULT_MYSQL_URL,
  DEFAULT_PG_URL,
  openTestDatabase,
  TEST_DATABASE_KINDS,
  type TestDatabaseKind,
  tempSqliteFile,
  testDatabaseConfig,
  testTablePrefix,
} from '../support/databases.js';
import { waitFor } from '../support/wait-for.js';
import { orderId, vaCharge } from './webhook-helpers.js';

const SERVER_KEY = 'SB-Mid-server-CRON';
const PAYMENTS = 20;

const urlOf = (kind: TestDatabaseKind, file: string) =>
  kind === 'mariadb'
    ? (process.env.MIDTRANS_TEST_MYSQL_URL ?? DEFAULT_MYSQL_URL)
    : kind === 'postgres'
      ? (process.env.MIDTRANS_TEST_PG_URL ?? DEFAULT_PG_URL)
      : file;

for (const kind of TEST_DATABASE_KINDS) {
  describe(`cron reconcile delivers to the host [${kind}]`, () => {
    const file = tempSqliteFile();
    const prefix = testTablePrefix(`cron${kind}`);
    let sim: Simulator;
    let env: Record<string, string>;
    let skip: string | undefined;
    const kits: MidtransKit[] = [];
    const hostKit = () => {
      const kit = createMidtrans({
        serverKey: SERVER_KEY,
        apiBaseUrl: sim.apiUrl,
        database: testDatabaseConfig(kind, file),
        tablePrefix: prefix,
        events: { pollMs: 25, retryBaseMs: 20 },
      });
      kits.push(kit);
      return kit;
    };

    beforeAll(async () => {
      skip = (await openTestDatabase(kind)).unavailable;
      if (skip !== undefined && process.env.CI === 'true')
        throw new Error(`${kind} unreachable under CI: ${skip}`);
      sim = await startSimulator({ serverKey: SERVER_KEY });
      env = {
        MIDTRANS_SERVER_KEY: SERVER_KEY,
        MIDTRANS_API_BASE_URL: sim.apiUrl,
        MIDTRANS_DATABASE_URL: urlOf(kind, file),
        MIDTRANS_TABLE_PREFIX: prefix,
      };
    });

    afterAll(async () => {
      for (const kit of kits) await kit.close();
      if (!skip) {
        const kit = hostKit();
        await kit.store.migrateDown();
        await kit.close();
      }
      await sim?.close();
    });

    /** Payments the kit thinks are unknown, which Midtrans has settled: the reconciler pays them. */
    async function settledBehindTheKitsBack(kit: MidtransKit, label: string): Promise<string[]> {
      const client = createMidtransClient({ serverKey: SERVER_KEY, apiBaseUrl: sim.apiUrl });
      const ids: string[] = [];
      for (let i = 0; i < PAYMENTS; i++) {
        const id = orderId(label);
        await kit.store.payments.insert({ orderId: id, grossAmount: 10_000 + i, status: 'unknown' });
        await client.core.charge(vaCharge(id, 10_000 + i));
        sim.controls.pay(id);
        ids.push(id);
      }
      return ids;
    }

    async function reconcile(): Promise<void> {
      const run = await runCli(['reconcile', '--older-than', '0', '--batch-size', '100'], env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }

    it('the host is running: it receives every payment.paid the cron caused, once', async (t) => {
      if (skip) t.skip();
      const host = hostKit();
      try {
        await host.migrate();
        const paid: string[] = [];
        host.events.consume('shop', { 'payment.paid': (event) => void paid.push(event.payment.orderId) });
        const ids = await settledBehindTheKitsBack(host, 'CRONA');
        await reconcile();
        await waitFor(() => paid.length >= PAYMENTS, { what: `${PAYMENTS} payment.paid`, timeoutMs: 15_000 });
        expect([...paid].sort()).toEqual([...ids].sort());
        // A listener runs before its consumer marks the batch delivered (that commit follows it).
        await waitFor(async () => (await host.events.pending('shop')) === 0, { what: 'the batch marked' });
        console.log(`[cron ${kind}] host running: reconciled ${PAYMENTS}, host heard ${paid.length}, lost 0`);
      } finally {
        // A host left running would consume the next test's events.
        await host.close();
      }
    }, 60_000);

    it('the host starts later: the events waited for it, and one it had failed on is still its own', async (t) => {
      if (skip) t.skip();
      // The host fails on one event and stops before its retry is due.
      const first = hostKit();
      const failing = orderId('CRONF');
      let failures = 0;
      const consumer = first.events.consume(
        'shop',
        {
          'payment.created': (event) => {
            if (event.payment.orderId !== failing) return;
            failures += 1;
            throw new Error('host was busy');
          },
        },
        { retryBaseMs: 500 },
      );
      await first.store.transaction((tx) =>
        tx.outbox.insert({
          eventId: `${failing}:created`,
          type: 'payment.created',
          payload: { payment: { id: failing, orderId: failing }, from: null, source: 'api' },
        }),
      );
      await waitFor(() => failures === 1, { what: 'the host to fail once' });
      await consumer.stop();
      const ids = await settledBehindTheKitsBack(first, 'CRONB');
      await reconcile();
      // Nothing the cron did counts as delivered to the host.
      expect(await first.events.pending('shop')).toBe(PAYMENTS + 1);
      expect(await first.store.outbox.findByEventId(`${failing}:created`)).toMatchObject({
        deliveredAt: null,
      });

      const later = hostKit();
      const heard: string[] = [];
      later.events.consume(
        'shop',
        {
          'payment.paid': (event) => void heard.push(event.payment.orderId),
          'payment.created': (event) => void heard.push(`created:${event.payment.orderId}`),
        },
        { retryBaseMs: 20 },
      );
      await waitFor(async () => (await later.events.pending('shop')) === 0, {
        what: 'the late host to catch up',
        timeoutMs: 15_000,
      });
      expect(heard.filter((h) => h.startsWith('created:'))).toEqual([`created:${failing}`]);
      expect(heard.filter((h) => !h.startsWith('created:')).sort()).toEqual([...ids].sort());
      console.log(
        `[cron ${kind}] host started later: reconciled ${PAYMENTS}, host heard ${heard.length - 1} + 1 retried, lost 0`,
      );
    }, 60_000);
  });
}
