/**
 * Faults on every endpoint the payment service calls: 5xx, a hang past the client timeout and a
 * dropped connection, each once (a retry can absorb it) and three times (it cannot). Every call
 * must end in a typed error or a clean success; afterwards no record is half-written, the
 * reconciler (plus a retried refund, the documented repair for refunds) brings every record to
 * what the simulator holds, and no order has more than one transaction or refund at Midtrans.
 */
import { expect, it } from 'vitest';
import { PaymentStatus } from '../../src/constants.js';
import { MidtransKitError } from '../../src/errors.js';
import type { MidtransKit } from '../../src/kit.js';
import type { RequestFault } from '../../src/simulator/index.js';
import { orderId } from '../services/webhook-helpers.js';
import { describeWithKit, type KitHarness } from '../support/kit-harness.js';
import { capturingLogger, refundsAtMidtrans, report, truthOf } from './support.js';

const TIMEOUT_MS = 250;
const HANG_MS = 700;
const KINDS: readonly Omit<RequestFault, 'path' | 'times'>[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'hang', ms: HANG_MS },
  { kind: 'drop' },
];

/** One endpoint: how to prepare an order for it, and the service call the fault hits. */
interface Endpoint {
  name: string;
  path: string;
  prepare(kit: MidtransKit, h: KitHarness, id: string): Promise<void>;
  call(kit: MidtransKit, id: string): Promise<unknown>;
}

const charge = (kit: MidtransKit, id: string) =>
  kit.payments.createCharge({
    orderId: id,
    // GoPay: Midtrans refunds it (a VA refund is refused whatever the faults).
    paymentType: 'gopay',
    grossAmount: 50_000,
  });

const ENDPOINTS: readonly Endpoint[] = [
  { name: 'charge', path: '/v2/charge', prepare: async () => {}, call: charge },
  {
    name: 'snap',
    path: '/snap/v1/transactions',
    prepare: async () => {},
    call: (kit, id) => kit.payments.createSnapTransaction({ orderId: id, grossAmount: 50_000 }),
  },
  {
    name: 'status',
    path: '/v2/*/status',
    prepare: async (kit, h, id) => {
      await charge(kit, id);
      h.sim.controls.pay(id);
    },
    call: (kit, id) => kit.payments.getStatus(id),
  },
  {
    name: 'cancel',
    path: '/v2/*/cancel',
    prepare: async (kit, _h, id) => {
      await charge(kit, id);
    },
    call: (kit, id) => kit.payments.cancelPayment(id),
  },
  {
    name: 'expire',
    path: '/v2/*/expire',
    prepare: async (kit, _h, id) => {
      await charge(kit, id);
    },
    call: (kit, id) => kit.payments.expirePayment(id),
  },
  {
    name: 'refund',
    path: '/v2/*/refund',
    prepare: async (kit, h, id) => {
      await charge(kit, id);
      h.sim.controls.pay(id);
      await h.settle();
    },
    call: (kit, id) => kit.payments.refundPayment(id, { amount: 20_000, refundKey: `${id}-rk` }),
  },
];

const logs: string[] = [];

describeWithKit(
  'reliability: faults',
  (h) => {
    it('ends every faulted call typed, leaves nothing half-written, and the repair reaches the truth', async () => {
      const kit = h.kit;
      const outcomes = { success: 0, typedError: 0, untyped: 0 };
      const orders: { id: string; endpoint: string }[] = [];
      for (const endpoint of ENDPOINTS) {
        for (const fault of KINDS) {
          for (const times of [1, 3]) {
            const id = orderId(`F${endpoint.name}`);
            await endpoint.prepare(kit, h, id);
            await h.settle();
            h.sim.controls.fault({ ...fault, path: endpoint.path, times });
            try {
              await endpoint.call(kit, id);
              outcomes.success += 1;
            } catch (error) {
              if (error instanceof MidtransKitError) outcomes.typedError += 1;
              else {
                outcomes.untyped += 1;
                console.error(endpoint.name, fault, error);
              }
            }
            h.sim.controls.clearFaults();
            orders.push({ id, endpoint: endpoint.name });
          }
        }
      }
      // A hung request is answered (and acted on by the simulator) after the client gave up.
      await new Promise((resolve) => setTimeout(resolve, HANG_MS + 100));
      await h.settle();
      expect(outcomes.untyped).toBe(0);

      // Nothing half-written: every record is in a status of the model, and a record Midtrans
      // answered for carries what the answer said.
      const statuses = new Set<string>(Object.values(PaymentStatus));
      for (const { id } of orders) {
        const payment = await kit.store.payments.findByOrderId(id);
        expect(payment, id).toBeDefined();
        expect(statuses.has(payment?.status ?? ''), `${id} ${payment?.status}`).toBe(true);
        if (payment?.status === 'pending' && payment.snapToken === null) {
          expect(payment.transactionId, id).not.toBeNull();
        }
      }

      // Repair. Refunds left open are resumed with their key (the reconciler re-checks payments,
      // not refunds); records Midtrans never got are aged past the idempotency window so the
      // reconciler may fail them.
      let resumedRefunds = 0;
      for (const { id, endpoint } of orders.filter((order) => order.endpoint === 'refund')) {
        const payment = await kit.store.payments.findByOrderId(id);
        const open = (await kit.store.refunds.listByPayment(payment?.id ?? '')).filter(
          (refund) => refund.status === 'pending' || refund.status === 'unknown',
        );
        if (open.length > 0 && endpoint === 'refund') {
          await kit.payments.refundPayment(id, { amount: 20_000, refundKey: `${id}-rk` });
          resumedRefunds += 1;
        }
      }
      await h.settle();
      const past = new Date(Date.now() - 10 * 60_000);
      for (const { id } of orders) {
        if (h.sim.controls.transaction(id) === undefined) {
          await kit.store.knex(kit.store.tables.payments).where('order_id', id).update({ updated_at: past });
        }
      }
      // A first run meets faults of its own: the payments it cannot check are counted as failed
      // and left as they are; the next run repairs them.
      h.sim.controls.fault({ kind: 'status', status: 503, path: '/v2/*/status', times: 4 });
      h.sim.controls.fault({ kind: 'drop', path: '/v2/*/status', times: 2 });
      const faulted = await kit.reconciler.run({ olderThan: 0, leaseMs: 0, batchSize: 200, concurrency: 1 });
      h.sim.controls.clearFaults();
      const summary = await kit.reconciler.run({ olderThan: 0, leaseMs: 0, batchSize: 200 });
      await h.settle();

      let lost = 0;
      let doubleCharged = 0;
      let doubleRefunded = 0;
      const transactions = h.sim.controls.transactions();
      for (const { id, endpoint } of orders) {
        const payment = await kit.store.payments.findByOrderId(id);
        const atMidtrans = transactions.filter((txn) => txn.orderId === id);
        if (atMidtrans.length > 1) doubleCharged += 1;
        const txn = atMidtrans[0];
        const expected = txn === undefined ? (payment?.snapToken ? payment.status : 'failed') : truthOf(txn);
        if (payment?.status !== expected) {
          lost += 1;
          console.error(`${endpoint} ${id}: stored ${payment?.status}, Midtrans ${expected}`);
        }
        if (refundsAtMidtrans(txn) > 1) doubleRefunded += 1;
        if (endpoint === 'refund') {
          const refunds = await kit.store.refunds.listByPayment(payment?.id ?? '');
          const succeeded = refunds.filter((refund) => refund.status === 'succeeded').length;
          if (succeeded !== refundsAtMidtrans(txn)) {
            lost += 1;
            console.error(`refund ${id}: ${succeeded} succeeded here, ${refundsAtMidtrans(txn)} at Midtrans`);
          }
        }
      }
      report(`faults [${h.kind}]`, {
        faultsInjected: orders.length,
        endpoints: ENDPOINTS.length,
        successes: outcomes.success,
        typedErrors: outcomes.typedError,
        untypedErrors: outcomes.untyped,
        resumedRefunds,
        reconcileFailuresUnderFaults: faulted.failed,
        reconciled: faulted.updated + summary.updated,
        reconcileFailures: summary.failed,
        simTransactions: transactions.length,
        doubleCharged,
        doubleRefunded,
        lost,
      });
      expect(faulted.failed).toBeGreaterThan(0);
      expect(summary.failed, JSON.stringify(summary.errors)).toBe(0);
      expect({ lost, doubleCharged, doubleRefunded }).toEqual({
        lost: 0,
        doubleCharged: 0,
        doubleRefunded: 0,
      });
      // The server key never reaches a log line, even for failures.
      expect(logs.filter((line) => line.includes('SB-Mid-server-HARNESS'))).toEqual([]);
    }, 120_000);
  },
  { kit: { timeoutMs: TIMEOUT_MS, maxRetries: 1, logger: capturingLogger(logs) } },
);
