/**
 * The reconciler: brings payments whose outcome is still open (created, unknown, pending,
 * challenge, authorized) in line with Midtrans, for notifications that were missed or never
 * sent; re-checks settled payments on a slower cadence (refunds and chargebacks made outside the
 * kit, their notifications lost); settles refunds whose answer was lost; and finishes invoices and
 * subscriptions whose create was interrupted. Safe to run from several processes at once: each batch is claimed in a short transaction
 * (`FOR UPDATE SKIP LOCKED` where the database has it) and leased, so other runs pass it over
 * while its status calls happen outside any transaction.
 */
import type { PaymentStatus } from '../../constants.js';
import type { Payment } from '../../storage/records/payment.js';
import { forEachBounded } from '../core/bounded.js';
import type { ServiceContext } from '../core/context.js';
import { errorDetail } from '../core/logger.js';
import { type BillingSweep, reconcileBilling } from './reconcile-billing.js';
import { type ChargeSweep, reconcileCharges } from './reconcile-charges.js';
import { type ReconcileOptions, reconcileOptionsCheck } from './reconcile-options.js';
import {
  applyAnswer,
  type CheckedPayment,
  checkPayment,
  RECONCILED_STATUSES,
  type ReconcileOutcome,
} from './reconcile-payment.js';
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
// Payments written per transaction: short enough that a webhook waiting on SQLite's one writer
// (or on a locked row) waits milliseconds, long enough to pay BEGIN/COMMIT once for many.
const WRITE_CHUNK = 50;
// Longer than a run is expected to take, so a row checked by one run is not re-claimed by another.
const MIN_LEASE_MS = 60_000;
// Claims in a row that may come back short while unleased rows remain (held by other claims).
const SHORT_CLAIM_TRIES = 20;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

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
    const pass = { batchSize, concurrency, summary };
    await this.pass({ ...pass, statuses: RECONCILED_STATUSES, olderThan, leaseMs });
    await this.pass({
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

  /** One sweep over payments in some statuses, batch by batch. */
  private async pass(spec: PassSpec): Promise<void> {
    const { summary, concurrency, batchSize } = spec;
    // Leases keep a run from claiming a row twice; this guards runs that outlast their leases.
    const seen = new Set<string>();
    for (let shortClaims = 0; ; ) {
      const batch = await this.claim(spec);
      const fresh = batch.filter((payment) => !seen.has(payment.id));
      for (const payment of fresh) seen.add(payment.id);
      // Status calls first, outside any transaction; then the answers are written a chunk per
      // transaction, and the events of the batch are dispatched once (bench 4: per-payment
      // transactions and dispatch rounds were most of a run's database work). run() still
      // resolves only once every event was handed to the listeners.
      const checked: CheckedPayment[] = [];
      await forEachBounded(fresh, concurrency, async (payment) => {
        summary.examined += 1;
        try {
          checked.push(await checkPayment(this.ctx, payment));
        } catch (error) {
          this.fail(summary, payment, error);
        }
      });
      for (let start = 0; start < checked.length; start += WRITE_CHUNK) {
        await this.write(checked.slice(start, start + WRITE_CHUNK), summary);
      }
      if (batch.length > 0 && fresh.length === 0) break;
      if (batch.length < batchSize) {
        // A short claim is not the end of the sweep: with SKIP LOCKED it passed over rows other
        // transactions held, and on MariaDB a concurrent claim holds every row it scanned, not
        // only those it leased (test/reliability/processes.test.ts lost a batch that way). Stop
        // when a plain read finds no unleased row left, or after a bounded number of tries.
        shortClaims += 1;
        if (shortClaims > SHORT_CLAIM_TRIES || !(await this.unleasedLeft(spec))) break;
        if (batch.length === 0) await pause(shortClaims * 10);
      }
    }
  }

  /** Whether a non-locking read still finds a row this sweep may claim. */
  private async unleasedLeft(spec: PassSpec): Promise<boolean> {
    const now = this.ctx.now();
    const page = await this.ctx.store.payments.listStale({
      statuses: spec.statuses,
      updatedBefore: new Date(now.getTime() - spec.olderThan),
      ...(spec.createdAfter === undefined ? {} : { createdAfter: spec.createdAfter }),
      leaseFreeAt: now,
      limit: 1,
    });
    return page.items.length > 0;
  }

  /**
   * Write a chunk of answers in one transaction. If it fails (one row's write broke it), each
   * answer is written again on its own, so one bad row does not hold back the others.
   */
  private async write(chunk: CheckedPayment[], summary: ReconcileSummary): Promise<void> {
    try {
      const outcomes = await this.ctx.store.transaction(async (tx) => {
        const done: ReconcileOutcome[] = [];
        for (const checked of chunk) done.push(await applyAnswer(this.ctx, tx, checked));
        return done;
      });
      for (const outcome of outcomes) summary[outcome] += 1;
    } catch {
      for (const checked of chunk) {
        try {
          summary[await this.ctx.store.transaction((tx) => applyAnswer(this.ctx, tx, checked))] += 1;
        } catch (error) {
          this.fail(summary, checked.claimed, error);
        }
      }
    }
  }

  private fail(summary: ReconcileSummary, payment: Payment, error: unknown): void {
    summary.failed += 1;
    summary.errors.push({ orderId: payment.orderId, error: describe(error) });
    this.ctx.logger.warn(
      { ...errorDetail(error), orderId: payment.orderId },
      'midtrans-kit: reconciler could not check a payment',
    );
  }

  /** Claim and lease the next batch, least recently updated first, in one short transaction. */
  private claim(spec: PassSpec): Promise<Payment[]> {
    const now = this.ctx.now();
    return this.ctx.store.transaction(async (tx) => {
      const batch = await tx.payments.claimStale({
        statuses: spec.statuses,
        updatedBefore: new Date(now.getTime() - spec.olderThan),
        ...(spec.createdAfter === undefined ? {} : { createdAfter: spec.createdAfter }),
        leaseFreeAt: now,
        limit: spec.batchSize,
        skipLocked: true,
      });
      await tx.payments.leaseForReconcile(
        batch.map((payment) => payment.id),
        new Date(now.getTime() + spec.leaseMs),
      );
      return batch;
    });
  }
}

/** One sweep of `run`. */
interface PassSpec {
  statuses: readonly PaymentStatus[];
  olderThan: number;
  leaseMs: number;
  createdAfter?: Date;
  batchSize: number;
  concurrency: number;
  summary: ReconcileSummary;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
