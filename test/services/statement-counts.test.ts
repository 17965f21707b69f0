/**
 * Statement-count guard of the hot paths (issue 21): how many SQL statements, and of which kind,
 * one webhook, one charge, one refund, one reconciled payment and one delivered event cost, pinned
 * per database. A change that adds a statement fails here with the statements listed, without
 * timing anything. Counted through the store's internal statement tap, which every statement path
 * of the store reports to (src/storage/statement-tap.ts).
 *
 * Determinism: the kit under measurement has no event consumer (so no after-commit delivery runs)
 * and does not poll; the simulator's notifications go to a sink in this file, never to the kit,
 * and the webhook path hands the captured notification to `kit.notifications.handle` itself.
 * Every path runs twice: both runs must print the same statements, and nothing may run after
 * the measured call returns. To re-pin after a deliberate change, run with
 * `PRINT_STATEMENTS=1` and copy the printed counts.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import { createMidtrans } from '../../src/kit.js';
import type { TestDatabaseKind } from '../support/databases.js';
import { describeWithKit, itWithKit, TEST_CLIENT_KEY, TEST_SERVER_KEY } from '../support/kit-harness.js';
import { type StatementCounts, type StatementLog, withStatements } from '../support/statement-log.js';
import { waitFor } from '../support/wait-for.js';
import { cardToken } from './payment-helpers.js';

type PathName =
  | 'charge'
  | 'webhook'
  | 'webhook duplicate'
  | 'refund'
  | 'reconciled payment'
  | 'event delivered';

type Pinned = Record<PathName, StatementCounts>;

const c = (
  total: number,
  transactions: number,
  commit: number,
  savepoint: number,
  select: number,
  insert: number,
  update: number,
): StatementCounts => ({
  total,
  transactions,
  commit,
  rollback: 0,
  savepoint,
  select,
  insert,
  update,
  delete: 0,
  other: 0,
  roundTrips: total,
});

// c(total, transactions, commit, savepoint, select, insert, update); no rollback, delete or other
// statement runs on these paths, and every statement is one round trip. An event delivered: the
// claim reads the events it inserts delivery rows for in the statement that finds them, and SQLite
// and PostgreSQL learn which rows they wrote from the insert's RETURNING (was: a join read back);
// MySQL/MariaDB read back the rows' ids instead, so their count is unchanged.
const PINNED: Record<TestDatabaseKind, Pinned> = {
  sqlite: {
    charge: c(13, 2, 2, 0, 2, 4, 3),
    webhook: c(10, 1, 1, 0, 2, 3, 3),
    'webhook duplicate': c(8, 1, 1, 0, 2, 1, 3),
    refund: c(17, 2, 2, 0, 5, 3, 5),
    'reconciled payment': c(23, 3, 3, 0, 10, 2, 5),
    'event delivered': c(12, 2, 2, 0, 3, 1, 4),
  },
  mariadb: {
    charge: c(11, 2, 2, 0, 2, 4, 1),
    webhook: c(10, 1, 1, 0, 3, 3, 2),
    'webhook duplicate': c(8, 1, 1, 0, 3, 1, 2),
    refund: c(16, 2, 2, 0, 6, 3, 3),
    'reconciled payment': c(20, 3, 3, 0, 10, 2, 2),
    'event delivered': c(11, 2, 2, 0, 4, 1, 2),
  },
  postgres: {
    charge: c(13, 2, 2, 2, 2, 4, 1),
    webhook: c(9, 1, 1, 0, 2, 3, 2),
    'webhook duplicate': c(7, 1, 1, 0, 2, 1, 2),
    refund: c(17, 2, 2, 2, 5, 3, 3),
    'reconciled payment': c(20, 3, 3, 0, 10, 2, 2),
    'event delivered': c(10, 2, 2, 0, 3, 1, 2),
  },
};

const DAY_MS = 86_400_000;

/** A notification the simulator sent, as it arrived. */
interface Captured {
  rawBody: string;
  headers: IncomingHttpHeaders;
  body: { order_id?: string; transaction_status?: string };
}

// The simulator notifies this sink (each charge overrides the notification URL), never the kit.
const sink = { server: undefined as Server | undefined, url: '', received: [] as Captured[] };
beforeAll(async () => {
  sink.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      sink.received.push({ rawBody, headers: req.headers, body: JSON.parse(rawBody) as Captured['body'] });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => sink.server?.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${(sink.server.address() as AddressInfo).port}/notifications`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (sink.server ? sink.server.close(() => resolve()) : resolve()));
});

async function notificationOf(orderId: string, status: string): Promise<Captured> {
  const find = () =>
    sink.received.find((n) => n.body.order_id === orderId && n.body.transaction_status === status);
  await waitFor(() => find() !== undefined, { what: `the ${status} notification of ${orderId}` });
  const found = find();
  if (found === undefined) throw new Error('unreachable');
  return found;
}

describeWithKit(
  'statement counts of the hot paths',
  (h) => {
    const prefix = () => h.kit.store.tables.prefix;
    const pinned = () => PINNED[h.kind];

    /** Run `fn` with the statements of `store` recorded; then check nothing else runs after it. */
    async function measure<T>(
      fn: () => Promise<T>,
      store: object = h.kit.store,
    ): Promise<{ result: T; log: StatementLog }> {
      const measured = await withStatements(store, prefix(), fn);
      // Whatever the path left running (an after-commit task, a notification) would show here.
      const tail = await withStatements(store, prefix(), async () => {
        await h.sim.controls.idle({ timeoutMs: 20_000 });
        await new Promise((resolve) => setImmediate(resolve));
      });
      expect(tail.log.lines(), 'statements after the measured call returned').toEqual([]);
      return measured;
    }

    /** Both runs print the same statements, and their counts are the pinned ones. */
    function check(path: PathName, first: StatementLog, second: StatementLog): void {
      const report = (log: StatementLog) =>
        `${path} [${h.kind}]: ${JSON.stringify(log.counts())}\n  ${log.lines().join('\n  ')}`;
      if (process.env.PRINT_STATEMENTS) console.log(report(first));
      expect
        .soft(
          second.lines({ connections: false }),
          `${path}: the second run differs from the first\n${report(first)}`,
        )
        .toEqual(first.lines({ connections: false }));
      expect
        .soft(first.counts(), `${path}: statement counts changed\n${report(first)}`)
        .toEqual(pinned()[path]);
    }

    const vaCharge = () =>
      h.kit.payments.createCharge({
        paymentType: 'bank_transfer',
        grossAmount: 150_000,
        paymentOptions: { bank: 'bca' },
        notificationUrl: sink.url,
      });

    itWithKit(h, 'a bank-transfer charge', async () => {
      const logs: StatementLog[] = [];
      for (let run = 0; run < 2; run++) {
        const { result, log } = await measure(vaCharge);
        expect(result.payment.status).toBe('pending');
        logs.push(log);
      }
      check('charge', logs[0] as StatementLog, logs[1] as StatementLog);
    });

    itWithKit(h, 'a settlement notification, and the same notification again', async () => {
      const applied: StatementLog[] = [];
      const duplicate: StatementLog[] = [];
      for (let run = 0; run < 2; run++) {
        const { payment } = await vaCharge();
        h.sim.controls.pay(payment.orderId);
        const { rawBody, headers } = await notificationOf(payment.orderId, 'settlement');
        const first = await measure(() => h.kit.notifications.handle(rawBody, headers));
        expect(first.result.verdict).toBe('applied');
        applied.push(first.log);
        const again = await measure(() => h.kit.notifications.handle(rawBody, headers));
        expect(again.result.verdict).toBe('duplicate');
        duplicate.push(again.log);
      }
      check('webhook', applied[0] as StatementLog, applied[1] as StatementLog);
      check('webhook duplicate', duplicate[0] as StatementLog, duplicate[1] as StatementLog);
    });

    itWithKit(h, 'a full refund of a settled card payment', async () => {
      const logs: StatementLog[] = [];
      for (let run = 0; run < 2; run++) {
        const { payment } = await h.kit.payments.createCharge({
          paymentType: 'credit_card',
          grossAmount: 80_000,
          paymentOptions: { tokenId: await cardToken(h.kit) },
          notificationUrl: sink.url,
        });
        h.sim.controls.settle(payment.orderId);
        await h.kit.payments.getStatus(payment.orderId);
        expect((await h.kit.payments.getPayment(payment.orderId)).status).toBe('paid');
        await h.sim.controls.idle({ timeoutMs: 20_000 });
        const { result, log } = await measure(() =>
          h.kit.payments.refundPayment(payment.orderId, { amount: 80_000, refundKey: `rk-${payment.id}` }),
        );
        expect(result.payment.status).toBe('refunded');
        logs.push(log);
      }
      check('refund', logs[0] as StatementLog, logs[1] as StatementLog);
    });

    itWithKit(h, 'the reconciler finding one pending payment settled at Midtrans', async () => {
      // Lease every open payment the other paths left (still pending at Midtrans) for a day, so
      // the measured runs find exactly the one payment each makes.
      await h.kit.reconciler.run({ olderThan: 0, leaseMs: DAY_MS });
      const logs: StatementLog[] = [];
      for (let run = 0; run < 2; run++) {
        const { payment } = await vaCharge();
        h.sim.controls.pay(payment.orderId);
        await notificationOf(payment.orderId, 'settlement');
        // `olderThan: 0` claims rows updated before now: not in the millisecond of the charge.
        await waitFor(() => Date.now() > payment.updatedAt.getTime(), { what: 'the next millisecond' });
        const { result, log } = await measure(() => h.kit.reconciler.run({ olderThan: 0 }));
        expect(result).toMatchObject({ examined: 1, updated: 1, failed: 0 });
        logs.push(log);
      }
      check('reconciled payment', logs[0] as StatementLog, logs[1] as StatementLog);
    });

    itWithKit(h, 'an event consumer delivering one event', async () => {
      // A second kit on the same tables plays the process that consumes; the kit above writes.
      const consumerKit = createMidtrans({
        serverKey: TEST_SERVER_KEY,
        clientKey: TEST_CLIENT_KEY,
        apiBaseUrl: h.sim.apiUrl,
        snapBaseUrl: h.sim.snapUrl,
        database: h.kit.store.knex,
        tablePrefix: prefix(),
        events: { pollMs: 0 },
      });
      const paid: string[] = [];
      const consumer = consumerKit.events.consume('statement-counts', {
        'payment.paid': (event) => {
          paid.push(event.payment.orderId);
        },
      });
      try {
        const logs: StatementLog[] = [];
        for (let run = 0; run < 2; run++) {
          const { payment } = await vaCharge();
          await consumer.deliverPending();
          h.sim.controls.pay(payment.orderId);
          const { rawBody, headers } = await notificationOf(payment.orderId, 'settlement');
          expect((await h.kit.notifications.handle(rawBody, headers)).verdict).toBe('applied');
          const { result, log } = await measure(() => consumer.deliverPending(), consumerKit.store);
          expect(result).toEqual({ delivered: 1, failed: 0 });
          expect(paid.at(-1)).toBe(payment.orderId);
          logs.push(log);
        }
        check('event delivered', logs[0] as StatementLog, logs[1] as StatementLog);
      } finally {
        await consumer.stop();
        await consumerKit.close();
      }
    });

    itWithKit(h, 'no notification reached the kit through the harness', async () => {
      expect(h.receiver.count).toBe(0);
    });
  },
  { kit: { events: { pollMs: 0 } }, tablePrefixLabel: 'stmts' },
);
