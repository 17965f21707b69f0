/**
 * SIGKILL at each step of `createCharge` and `refundPayment`: a child process dies just before
 * the request to Midtrans leaves and just after its answer arrived (before the kit recorded it).
 * A restarted kit then repairs: the reconciler resolves every payment from Midtrans (a charge
 * that never left is failed once the idempotency window has passed), the webhook applies what
 * Midtrans notified meanwhile, and the refund is resumed with its stored key — paid once.
 */
import { rmSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createMidtrans, type MidtransKit } from '../../src/kit.js';
import { deliver, orderId } from '../services/webhook-helpers.js';
import { tempSqliteFile, testDatabaseConfig, testTablePrefix } from '../support/databases.js';
import { describeWithKit, TEST_SERVER_KEY } from '../support/kit-harness.js';
import { runChild } from './children.js';
import { refundsAtMidtrans, report, truthOf } from './support.js';

const STEPS = ['charge-before', 'charge-after', 'refund-before', 'refund-after'] as const;

async function dispose(kit: MidtransKit): Promise<void> {
  try {
    await kit.store.migrateDown();
    await kit.store.knex.schema.dropTableIfExists(kit.store.migrationTableName);
    await kit.store.knex.schema.dropTableIfExists(`${kit.store.migrationTableName}_lock`);
  } finally {
    await kit.close();
  }
}

describeWithKit('reliability: crash', (h) => {
  it('repairs every record after SIGKILL before and after each call; no refund paid twice', async () => {
    const file = tempSqliteFile();
    const database = testDatabaseConfig(h.kind, file);
    const options = {
      serverKey: TEST_SERVER_KEY,
      apiBaseUrl: h.sim.apiUrl,
      database,
      tablePrefix: testTablePrefix('crash'),
    };
    const setup = createMidtrans(options);
    await setup.migrate();
    const ids = Object.fromEntries(STEPS.map((step) => [step, orderId(`K${step.replace('-', '')}`)]));
    // A refund needs a paid payment first.
    for (const step of ['refund-before', 'refund-after'] as const) {
      await setup.payments.createCharge({
        orderId: ids[step] ?? '',
        paymentType: 'gopay',
        grossAmount: 30_000,
      });
      h.sim.controls.pay(ids[step] ?? '');
      await setup.payments.getStatus(ids[step] ?? '');
    }
    await setup.close();

    const exits = await Promise.all(
      STEPS.map((step) =>
        runChild('test/reliability/crash-child.ts', {
          CRASH_STEP: step,
          CRASH_SERVER_KEY: TEST_SERVER_KEY,
          CRASH_API_URL: h.sim.apiUrl,
          CRASH_DATABASE: JSON.stringify(database),
          CRASH_PREFIX: options.tablePrefix,
          CRASH_ORDER_ID: ids[step] ?? '',
        }),
      ),
    );
    for (const exit of exits) expect(exit.signal, exit.stderr).toBe('SIGKILL');
    await h.settle();

    const kit = createMidtrans(options);
    try {
      const id = (step: (typeof STEPS)[number]) => ids[step] ?? '';
      // What the crash left: the record was always written first.
      const left = Object.fromEntries(
        await Promise.all(
          STEPS.map(async (step) => [step, (await kit.store.payments.findByOrderId(id(step)))?.status]),
        ),
      );
      expect(left).toEqual({
        'charge-before': 'created',
        'charge-after': 'created',
        'refund-before': 'paid',
        'refund-after': 'paid',
      });
      // The customer pays the charge whose answer was lost, while the kit is down.
      h.sim.controls.pay(id('charge-after'));
      // The webhook comes back: Midtrans's (retried) deliveries for these orders reach it.
      let redelivered = 0;
      for (const step of STEPS) {
        for (const attempt of h.sim.controls.deliveries(id(step)).filter((a) => a.attempt === 1)) {
          await deliver(kit, attempt.payload);
          redelivered += 1;
        }
      }
      // The host's cron: the reconciler (a charge that never left is aged past the window).
      await kit.store
        .knex(kit.store.tables.payments)
        .where('order_id', id('charge-before'))
        .update({ updated_at: new Date(Date.now() - 10 * 60_000) });
      const summary = await kit.reconciler.run({ olderThan: 0, leaseMs: 0 });
      // The refund is retried, as the caller does after a crash: the same intent, the same key (the
      // reconciler has already settled the one Midtrans made and failed the one it never got).
      for (const step of ['refund-before', 'refund-after'] as const) {
        await kit.payments.refundPayment(id(step), { amount: 10_000, refundKey: `${id(step)}-rk` });
      }
      await h.settle();

      let wrong = 0;
      let refundsPaidTwice = 0;
      let chargedTwice = 0;
      for (const step of STEPS) {
        const payment = await kit.store.payments.findByOrderId(id(step));
        const txns = h.sim.controls.transactions().filter((txn) => txn.orderId === id(step));
        if (txns.length > 1) chargedTwice += 1;
        const txn = txns[0];
        const expected = txn === undefined ? 'failed' : truthOf(txn);
        if (payment?.status !== expected) {
          wrong += 1;
          console.error(`${step}: stored ${payment?.status}, Midtrans ${expected}`);
        }
        if (step.startsWith('refund')) {
          const refunds = await kit.store.refunds.listByPayment(payment?.id ?? '');
          expect(refunds.map((refund) => refund.status)).toEqual(['succeeded']);
          if (refundsAtMidtrans(txn) !== 1) refundsPaidTwice += 1;
        }
      }
      report(`crash [${h.kind}]`, {
        processesKilled: exits.filter((exit) => exit.signal === 'SIGKILL').length,
        steps: STEPS.length,
        redelivered,
        reconciled: summary.updated,
        wrongState: wrong,
        chargedTwice,
        refundsPaidTwice,
      });
      expect({ wrong, chargedTwice, refundsPaidTwice }).toEqual({
        wrong: 0,
        chargedTwice: 0,
        refundsPaidTwice: 0,
      });
      expect(h.sim.controls.transaction(id('charge-before'))).toBeUndefined();
    } finally {
      await dispose(kit);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    }
  }, 120_000);
});
