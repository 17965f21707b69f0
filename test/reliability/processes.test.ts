/**
 * Several processes on one database (MariaDB, PostgreSQL): 4 child processes each receive every
 * notification of a set, in their own shuffled order, so every notification arrives 4 times,
 * concurrently, often the final one before the pending one. The big run (2,000 deliveries) uses
 * `trustSignature` because the point is the row locking between processes, not the status call;
 * a smaller run confirms every delivery with Midtrans. Then 4 reconciler processes share 2,000
 * pending payments. Every payment must end in Midtrans's state, with one PaymentEvent per real
 * transition and one `payment.paid` listener call in total across the processes.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { createMidtrans, type MidtransKit } from '../../src/kit.js';
import type { JsonObject } from '../../src/wire-types.js';
import { orderId, signedBody, vaCharge } from '../services/webhook-helpers.js';
import { testDatabaseConfig, testTablePrefix } from '../support/databases.js';
import { describeWithKit, itWithKit, TEST_SERVER_KEY } from '../support/kit-harness.js';
import { runChild } from './children.js';
import { report, truthOf } from './support.js';

const PROCESSES = 4;

type Final = 'pay' | 'expire' | 'fail' | 'none';
const FINAL_STATUS: Record<Final, string> = {
  pay: 'settlement',
  expire: 'expire',
  fail: 'deny',
  none: 'pending',
};

function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomBytes(4).readUInt32LE() % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describeWithKit(
  'reliability: several processes',
  (h) => {
    let kit: MidtransKit;
    let prefix: string;
    const files: string[] = [];
    const tmp = (label: string) => {
      const file = join(tmpdir(), `mk-rel-${label}-${randomBytes(4).toString('hex')}.json`);
      files.push(file);
      return file;
    };

    beforeAll(async () => {
      if ((h as unknown as { skipped: boolean }).skipped) return;
      prefix = testTablePrefix(`proc${h.kind}`);
      kit = createMidtrans({
        serverKey: TEST_SERVER_KEY,
        apiBaseUrl: h.sim.apiUrl,
        database: testDatabaseConfig(h.kind),
        tablePrefix: prefix,
      });
      await kit.migrate();
    });
    afterAll(async () => {
      for (const file of files) rmSync(file, { force: true });
      if (kit === undefined) return;
      try {
        await kit.store.migrateDown();
        await kit.store.knex.schema.dropTableIfExists(kit.store.migrationTableName);
        await kit.store.knex.schema.dropTableIfExists(`${kit.store.migrationTableName}_lock`);
      } finally {
        await kit.close();
      }
    });

    /** Seed transactions at Midtrans (no notifications), store their payments, move them to `finals`. */
    async function prepare(label: string, finals: readonly Final[], status: 'created' | 'pending') {
      const ids = finals.map(() => orderId(label));
      const amount = (i: number) => 10_000 + i;
      const seeded = h.sim.controls.seed(
        ids.map((id, i) => vaCharge(id, amount(i)) as unknown as JsonObject),
      );
      for (let start = 0; start < ids.length; start += 50) {
        await Promise.all(
          ids.slice(start, start + 50).map((id, k) =>
            kit.store.payments.insert({
              orderId: id,
              grossAmount: amount(start + k),
              status,
              paymentType: 'bank_transfer',
              transactionId: status === 'pending' ? (seeded[start + k]?.transactionId ?? null) : null,
            }),
          ),
        );
      }
      finals.forEach((final, i) => {
        const id = ids[i] ?? '';
        if (final === 'pay') h.sim.controls.pay(id);
        if (final === 'expire') h.sim.controls.expire(id);
        if (final === 'fail') h.sim.controls.fail(id);
      });
      return { ids, seeded, amount };
    }

    async function runProcesses(mode: 'notify' | 'reconcile', inputs: string[], trust: boolean) {
      const outputs = inputs.map((_, i) => tmp(`out${i}`));
      const exits = await Promise.all(
        inputs.map((input, i) =>
          runChild('test/reliability/process-child.ts', {
            MODE: mode,
            INPUT: input,
            OUTPUT: outputs[i] ?? '',
            PROC_SERVER_KEY: TEST_SERVER_KEY,
            PROC_API_URL: h.sim.apiUrl,
            PROC_DATABASE: JSON.stringify(testDatabaseConfig(h.kind)),
            PROC_PREFIX: prefix,
            PROC_TRUST: String(trust),
            PROC_CONCURRENCY: '6',
          }),
        ),
      );
      for (const exit of exits) expect(exit.code, exit.stderr).toBe(0);
      const summaries = exits.map(
        (exit) => JSON.parse(exit.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>,
      );
      const heard = outputs.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as string[]);
      return { summaries, heard };
    }

    /** Compare every payment with Midtrans, its history and its `payment.paid` deliveries. */
    async function verify(ids: readonly string[], heard: readonly string[]) {
      const payments = await kit.store
        .knex(kit.store.tables.payments)
        .whereIn('order_id', ids)
        .select('id', 'order_id', 'status');
      const byId = new Map(
        payments.map((row: { id: string; order_id: string; status: string }) => [String(row.id), row]),
      );
      const events: { payment_id: string; from_status: string | null; to_status: string }[] = await kit.store
        .knex(kit.store.tables.paymentEvents)
        .whereIn('payment_id', [...byId.keys()])
        .orderBy('id')
        .select('payment_id', 'from_status', 'to_status');
      const history = new Map<string, string[]>();
      for (const event of events) {
        const list = history.get(String(event.payment_id)) ?? [];
        list.push(`${event.from_status}>${event.to_status}`);
        history.set(String(event.payment_id), list);
      }
      const outbox: { event_id: string; payload: unknown }[] = await kit.store
        .knex(kit.store.tables.outbox)
        .where('type', 'payment.paid')
        .select('event_id', 'payload');
      const paidEventOf = new Map<string, string[]>();
      for (const row of outbox) {
        const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as {
          payment: { orderId: string };
        };
        paidEventOf.set(payload.payment.orderId, [
          ...(paidEventOf.get(payload.payment.orderId) ?? []),
          row.event_id,
        ]);
      }
      const heardCount = new Map<string, number>();
      for (const id of heard) heardCount.set(id, (heardCount.get(id) ?? 0) + 1);

      const counts = {
        wrongState: 0,
        duplicateTransitions: 0,
        brokenHistory: 0,
        paidEventsNotOnce: 0,
        paidListenerNotOnce: 0,
        paid: 0,
      };
      for (const row of payments as { id: string; order_id: string; status: string }[]) {
        const txn = h.sim.controls.transaction(row.order_id);
        if (txn === undefined || truthOf(txn) !== row.status) {
          counts.wrongState += 1;
          continue;
        }
        const steps = history.get(String(row.id)) ?? [];
        if (new Set(steps).size !== steps.length) counts.duplicateTransitions += 1;
        // A history is a chain: each step starts where the previous one ended, and ends at the status.
        const chained = steps.every(
          (step, i) => i === 0 || step.split('>')[0] === steps[i - 1]?.split('>')[1],
        );
        const last = steps.at(-1)?.split('>')[1];
        if (!chained || (steps.length > 0 && last !== row.status)) counts.brokenHistory += 1;
        if (row.status === 'paid') {
          counts.paid += 1;
          const eventIds = paidEventOf.get(row.order_id) ?? [];
          if (eventIds.length !== 1) counts.paidEventsNotOnce += 1;
          if (heardCount.get(eventIds[0] ?? '') !== 1) counts.paidListenerNotOnce += 1;
        }
      }
      const stray = heard.length - counts.paid;
      return {
        ...counts,
        listenerCalls: heard.length,
        strayListenerCalls: stray,
        payments: payments.length,
        transitions: events.length,
      };
    }

    const notifyRun = async (label: string, count: number, trust: boolean) => {
      const cycle: Final[] = ['pay', 'expire', 'fail', 'pay'];
      const finals = Array.from({ length: count }, (_, i) => cycle[i % cycle.length] as Final);
      const { ids, seeded, amount } = await prepare(label, finals, 'created');
      const bodies = ids.flatMap((id, i) => {
        const extra = { transaction_id: seeded[i]?.transactionId ?? '' };
        return [
          JSON.stringify(signedBody(id, 'pending', amount(i), extra)),
          JSON.stringify(signedBody(id, FINAL_STATUS[finals[i] as Final], amount(i), extra)),
        ];
      });
      const inputs = Array.from({ length: PROCESSES }, (_, i) => {
        const file = tmp(`in${i}`);
        writeFileSync(file, JSON.stringify(shuffle(bodies)));
        return file;
      });
      const started = Date.now();
      const { summaries, heard } = await runProcesses('notify', inputs, trust);
      const result = await verify(ids, heard);
      const verdicts: Record<string, number> = {};
      let retries = 0;
      for (const summary of summaries) {
        retries += Number(summary.retries ?? 0);
        for (const [verdict, n] of Object.entries((summary.verdicts ?? {}) as Record<string, number>)) {
          verdicts[verdict] = (verdicts[verdict] ?? 0) + n;
        }
      }
      report(`processes notify ${label} [${h.kind}]`, {
        processes: PROCESSES,
        trustSignature: String(trust),
        deliveries: bodies.length * PROCESSES,
        ...verdicts,
        retried5xx: retries,
        ms: Date.now() - started,
        ...result,
      });
      expect(result).toMatchObject({
        payments: count,
        wrongState: 0,
        duplicateTransitions: 0,
        brokenHistory: 0,
        paidEventsNotOnce: 0,
        paidListenerNotOnce: 0,
        strayListenerCalls: 0,
      });
      expect(verdicts.applied ?? 0).toBe(result.transitions);
    };

    itWithKit(
      h,
      '2,000 notifications (trustSignature) over 4 processes: each transition once',
      () => notifyRun('TRUST', 250, true),
      150_000,
    );

    itWithKit(
      h,
      '240 notifications confirmed by status calls over 4 processes',
      () => notifyRun('CONF', 30, false),
      90_000,
    );

    itWithKit(
      h,
      '4 reconciler processes over 2,000 pending payments: each checked once, each paid once',
      async () => {
        const cycle: Final[] = ['pay', 'pay', 'expire', 'none'];
        const finals = Array.from({ length: 2000 }, (_, i) => cycle[i % cycle.length] as Final);
        const { ids } = await prepare('RECON', finals, 'pending');
        const started = Date.now();
        const { summaries, heard } = await runProcesses(
          'reconcile',
          Array.from({ length: PROCESSES }, () => ''),
          false,
        );
        const examined = summaries.reduce((n, s) => n + Number(s.examined ?? 0), 0);
        const updated = summaries.reduce((n, s) => n + Number(s.updated ?? 0), 0);
        const failed = summaries.reduce((n, s) => n + Number(s.failed ?? 0), 0);
        const result = await verify(ids, heard);
        report(`processes reconcile [${h.kind}]`, {
          processes: PROCESSES,
          pendingPayments: ids.length,
          examined,
          examinedPerProcess: summaries.map((s) => s.examined).join('/'),
          updated,
          failed,
          ms: Date.now() - started,
          ...result,
        });
        expect(examined).toBe(ids.length);
        expect(failed).toBe(0);
        expect(result).toMatchObject({
          payments: 2000,
          wrongState: 0,
          duplicateTransitions: 0,
          brokenHistory: 0,
          paidEventsNotOnce: 0,
          paidListenerNotOnce: 0,
          strayListenerCalls: 0,
        });
        expect(result.transitions).toBe(1500);
      },
      150_000,
    );
  },
  { databases: ['mariadb', 'postgres'] },
);
