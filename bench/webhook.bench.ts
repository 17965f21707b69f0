/**
 * Bench 1 — webhook throughput end to end: signed settlement notifications POSTed through the
 * Express adapter (`midtransWebhook(kit)`, `trustSignature` on: signature → lock → apply →
 * commit; its events left to the consumers), against a hand-written Express handler running the same statements
 * straight through better-sqlite3 / mysql2 / pg (`lib/hand-webhook*.ts`). SQLite, MariaDB and
 * PostgreSQL; each run
 * resets every payment to pending, so each notification is a real pending → paid change.
 * Target: ≥ 0.8× the hand-written handler's notifications/s.
 */
import { startAppProcess } from './lib/app-process.js';
import { type BenchDbKind, createBenchDatabase } from './lib/db.js';
import { expectStatus, keepAliveAgent } from './lib/http.js';
import { createBenchKit } from './lib/kit.js';
import { assertHealthy, runLoad } from './lib/load.js';
import { type Bench, runIfMain } from './lib/main.js';
import { settlementNotification } from './lib/notification.js';
import { atLeast, type BenchOptions, type Check, RowSet } from './lib/result.js';
import { resetPayments, seedPendingPayments } from './lib/seed.js';

const CONCURRENCY = 16;
const CONNECTIONS = 8;

/** Run bench 1. */
export const webhookBench: Bench = async (options: BenchOptions) => {
  const perRun = options.quick ? 40 : 2000;
  const rows = new RowSet();
  const checks: Check[] = [];
  for (const kind of ['sqlite', 'mariadb', 'postgres'] as BenchDbKind[]) {
    const db = await createBenchDatabase(kind, CONNECTIONS);
    const setup = await createBenchKit(db, {
      apiUrl: 'http://127.0.0.1:9',
      snapUrl: 'http://127.0.0.1:9/snap/v1',
    });
    const agent = keepAliveAgent(CONCURRENCY);
    try {
      const stored = await seedPendingPayments(
        setup.store,
        'WH',
        perRun + 100,
        new Date(Date.now() - 3_600_000),
      );
      const headers = { 'content-type': 'application/json' };
      for (let run = 0; run < options.runs; run++) {
        const order = run % 2 === 0 ? (['webhook', 'hand'] as const) : (['hand', 'webhook'] as const);
        const rate: Record<string, number> = {};
        for (const mode of order) {
          await resetPayments(setup.store, stored);
          const app = await startAppProcess({ mode, db, connections: CONNECTIONS });
          try {
            const url = `${app.url}/midtrans/notifications`;
            const result = assertHealthy(
              mode,
              await runLoad({
                concurrency: CONCURRENCY,
                requests: perRun,
                maxMs: options.quick ? 2000 : 5000,
                warmup: options.quick ? 10 : 100,
                op: (i) =>
                  expectStatus(200, agent, url, {
                    method: 'POST',
                    headers,
                    body: settlementNotification(`WH-${i}`),
                  }),
              }),
            );
            const name = mode === 'webhook' ? 'kit (Express adapter)' : 'hand-written';
            rows.add(`${kind}: ${name} notifications/s`, 'req/s', result.rps);
            rows.add(`${kind}: ${name} p50`, 'ms', result.p50);
            rows.add(`${kind}: ${name} p99`, 'ms', result.p99);
            rate[mode] = result.rps;
          } finally {
            await app.close();
          }
        }
        rows.add(
          `${kind}: kit / hand-written`,
          '×',
          (rate.webhook ?? Number.NaN) / (rate.hand ?? Number.NaN),
        );
      }
      const paid = await setup.store
        .knex(setup.store.tables.payments)
        .where('status', 'paid')
        .count({ n: '*' });
      if (Number((paid[0] as { n: number | string }).n) === 0)
        throw new Error(`${kind}: no payment was paid`);
      checks.push(
        atLeast(
          `${kind}: kit ÷ hand-written notifications/s`,
          rows.samples(`${kind}: kit / hand-written`),
          0.8,
        ),
      );
    } finally {
      agent.destroy();
      await setup.close();
      await db.drop();
    }
  }
  return {
    id: 'webhook',
    title: '1. Webhook throughput: Express adapter vs hand-written handler',
    rows: rows.all(),
    checks,
    notes: [
      `Load: ${CONCURRENCY} concurrent keep-alive POSTs from this process; each app in its own child process; MariaDB and PostgreSQL pools of ${CONNECTIONS} connections on both sides.`,
      "The hand-written handler runs the statements of the kit's query log for one notification (record notification, lock, update, history row, outbox row carrying the payment, finish notification, commit), without Knex. Neither delivers the event on the request path: the kit's consumers do that afterwards (none run in this bench).",
    ],
  };
};

runIfMain(import.meta.url, webhookBench);
