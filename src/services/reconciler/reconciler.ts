/**
 * The reconciler: brings payments whose outcome is still open (created, unknown, pending,
 * challenge, authorized) in line with Midtrans, for notifications that were missed or never
 * sent; re-checks settled payments on a slower cadence (refunds and chargebacks made outside the
 * kit, their notifications lost); settles refunds whose answer was lost; and finishes invoices and
 * subscriptions whose create was interrupted. Safe to run from several processes at once: each
 * batch is claimed in a short transaction and leased (payment-sweep.ts), so other runs pass it
 * over while its status calls happen outside any transaction.
 */
import type { PaymentStatus } from '../../constants.js';
import type { ServiceContext } from '../core/context.js';
import { sweepPayments } from './payment-sweep.js';
import { type BillingSweep, reconcileBilling } from './reconcile-billing.js';
import { type ChargeSweep, reconcileCharges } from './reconcile-charges.js';
import { type ReconcileOptions, reconcileOptionsCheck } from './reconcile-options.js';
import { RECONCILED_STATUSES } from './reconcile-payment.js';
import { type PaymentLinkSweep, reconcilePaymentLinks } from './reconcile-payment-links.js';
import { type RefundSweep, reconcileRefunds } from './reconcile-refunds.js';

export type { ReconcileOptions } from './reconcile-options.js';
export { IDEMPOTENCY_WINDOW_MS, RECONCILED_STATUSES } from './reconcile-payment.js';

/** What a run did. */
export interface ReconcileSummary {
  /** Payments checked with Midtrans. */
  examined: number;
  /** Payments whose status changed. */
  updated: number;
  /** Payments Midtrans reports as stored (or that changed meanwhile). */
  unchanged: number;
  /** Payments that could not be checked. */
  failed: number;
  /** Why, per failed payment. */
  errors: { orderId: string; error: string }[];
  /** Refunds left open (their answer lost) and what became of them. */
  refunds: RefundSweep;
  /** Invoices and subscriptions whose create was interrupted. */
  billing: BillingSweep;
  /** Subscription charges whose notification never arrived. */
  charges: ChargeSweep;
  /** Payments through payment links whose notification never arrived. */
  paymentLinks: PaymentLinkSweep;
}

const DAY_MS = 86_400_000;
const DEFAULTS = {
  olderThan: 5 * 60_000,
  batchSize: 50,
  concurrency: 4,
  settledEvery: DAY_MS,
  settledFor: 30 * DAY_MS,
};
/** Settled statuses whose money can still move at Midtrans (refund, chargeback). */
const SETTLED_STATUSES: readonly PaymentStatus[] = ['paid', 'partially_refunded'];
// Longer than a run is expected to take, so a row checked by one run is not re-claimed by another.
const MIN_LEASE_MS = 60_000;

/** Brings payments whose outcome is still open in line with Midtrans. */
export class Reconciler {
  /** @param ctx the kit's shared services. */
  constructor(protected readonly ctx: ServiceContext) {}

  /**
   * Re-check every open payment older than `olderThan` and settled ones older than `settledEvery`,
   * batch by batch; settle refunds and finish billing creates left open; then dispatch pending events.
   */
  async run(options: ReconcileOptions = {}): Promise<ReconcileSummary> {
    reconcileOptionsCheck.assert(options);
    const olderThan = options.olderThan ?? DEFAULTS.olderThan;
    const settledEvery = options.settledEvery ?? DEFAULTS.settledEvery;
    const settledFor = options.settledFor ?? DEFAULTS.settledFor;
    const batchSize = options.batchSize ?? DEFAULTS.batchSize;
    const concurrency = options.concurrency ?? DEFAULTS.concurrency;
    const leaseMs = options.leaseMs ?? Math.max(olderThan, MIN_LEASE_MS);
    const summary: ReconcileSummary = {
      examined: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      errors: [],
      refunds: { examined: 0, settled: 0, released: 0, failed: 0 },
      billing: { resumed: 0, failed: 0, abandoned: 0 },
      charges: { examined: 0, recovered: 0, failed: 0 },
      paymentLinks: { examined: 0, recovered: 0, failed: 0 },
    };
    const now = this.ctx.now().getTime();
    const pass = { batchSize, concurrency, tally: summary };
    await sweepPayments(this.ctx, { ...pass, statuses: RECONCILED_STATUSES, olderThan, leaseMs });
    await sweepPayments(this.ctx, {
      ...pass,
      statuses: SETTLED_STATUSES,
      olderThan: settledEvery,
      leaseMs: options.leaseMs ?? Math.max(settledEvery, MIN_LEASE_MS),
      createdAfter: new Date(now - settledFor),
    });
    summary.refunds = await reconcileRefunds(this.ctx, olderThan);
    summary.billing = await reconcileBilling(this.ctx, olderThan);
    summary.charges = await reconcileCharges(this.ctx, settledEvery);
    summary.paymentLinks = await reconcilePaymentLinks(this.ctx, settledEvery);
    // Its events are delivered by the consumers (of this process, or the host's when it runs).
    return summary;
  }
}
