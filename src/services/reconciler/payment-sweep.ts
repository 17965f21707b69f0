/**
 * One sweep of the reconciler over payments in some statuses: claim and lease a batch in a short
 * transaction (`FOR UPDATE SKIP LOCKED` where the database has it, so other runs pass it over),
 * make its status calls outside any transaction, then write the answers a chunk per transaction.
 */
import type { PaymentStatus } from '../../constants.js';
import type { Payment } from '../../storage/records/payment.js';
import { forEachBounded } from '../core/bounded.js';
import type { ServiceContext } from '../core/context.js';
import { errorDetail } from '../core/logger.js';
import {
  applyAnswer,
  type CheckedPayment,
  checkPayment,
  type ReconcileOutcome,
} from './reconcile-payment.js';

/** What a sweep did to payments (part of the run's summary). */
export interface PaymentTally {
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
}

/** One sweep: which payments, how many at a time, and where to count. */
export interface SweepSpec {
  statuses: readonly PaymentStatus[];
  olderThan: number;
  leaseMs: number;
  createdAfter?: Date;
  batchSize: number;
  concurrency: number;
  tally: PaymentTally;
}

// Payments written per transaction: short enough that a webhook waiting on SQLite's one writer
// (or on a locked row) waits milliseconds, long enough to pay BEGIN/COMMIT once for many.
const WRITE_CHUNK = 50;
// Claims in a row that may come back short while unleased rows remain (held by other claims).
const SHORT_CLAIM_TRIES = 20;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * One sweep over payments in some statuses, batch by batch. The answers of one batch are written
 * while the next batch's status calls run: writing is database work (on SQLite, on this
 * thread), status calls wait on the network, and doing one after the other left each idle half
 * the time (bench 4).
 */
export async function sweepPayments(ctx: ServiceContext, spec: SweepSpec): Promise<void> {
  const { tally: summary, batchSize } = spec;
  // Leases keep a run from claiming a row twice; this guards runs that outlast their leases.
  const seen = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  try {
    for (let shortClaims = 0; ; ) {
      const batch = await claim(ctx, spec);
      const fresh = batch.filter((payment) => !seen.has(payment.id));
      for (const payment of fresh) seen.add(payment.id);
      // Status calls outside any transaction; the answers are then written a chunk per
      // transaction (bench 4: per-payment transactions were most of a run's database work).
      const checked = await check(ctx, fresh, spec);
      await writing;
      writing = writeAll(ctx, checked, summary);
      if (batch.length > 0 && fresh.length === 0) break;
      if (batch.length < batchSize) {
        // A short claim is not the end of the sweep: with SKIP LOCKED it passed over rows other
        // transactions held, and on MariaDB a concurrent claim holds every row it scanned, not
        // only those it leased (test/reliability/processes.test.ts lost a batch that way). Stop
        // when a plain read finds no unleased row left, or after a bounded number of tries.
        shortClaims += 1;
        if (shortClaims > SHORT_CLAIM_TRIES || !(await unleasedLeft(ctx, spec))) break;
        if (batch.length === 0) await pause(shortClaims * 10);
      }
    }
  } finally {
    await writing;
  }
}

/** The status calls of a batch, `concurrency` at a time; a payment that fails is counted. */
async function check(ctx: ServiceContext, payments: Payment[], spec: SweepSpec): Promise<CheckedPayment[]> {
  const checked: CheckedPayment[] = [];
  await forEachBounded(payments, spec.concurrency, async (payment) => {
    spec.tally.examined += 1;
    try {
      checked.push(await checkPayment(ctx, payment));
    } catch (error) {
      fail(ctx, spec.tally, payment, error);
    }
  });
  return checked;
}

/** Write a batch's answers, a chunk per transaction. Never rejects: failures are counted. */
async function writeAll(
  ctx: ServiceContext,
  checked: CheckedPayment[],
  summary: PaymentTally,
): Promise<void> {
  for (let start = 0; start < checked.length; start += WRITE_CHUNK) {
    await write(ctx, checked.slice(start, start + WRITE_CHUNK), summary);
  }
}

/** Whether a non-locking read still finds a row this sweep may claim. */
async function unleasedLeft(ctx: ServiceContext, spec: SweepSpec): Promise<boolean> {
  const now = ctx.now();
  const page = await ctx.store.payments.listStale({
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
async function write(ctx: ServiceContext, chunk: CheckedPayment[], summary: PaymentTally): Promise<void> {
  try {
    const outcomes = await ctx.store.transaction(async (tx) => {
      const done: ReconcileOutcome[] = [];
      for (const checked of chunk) done.push(await applyAnswer(ctx, tx, checked));
      return done;
    });
    for (const outcome of outcomes) summary[outcome] += 1;
  } catch {
    for (const checked of chunk) {
      try {
        summary[await ctx.store.transaction((tx) => applyAnswer(ctx, tx, checked))] += 1;
      } catch (error) {
        fail(ctx, summary, checked.claimed, error);
      }
    }
  }
}

function fail(ctx: ServiceContext, summary: PaymentTally, payment: Payment, error: unknown): void {
  summary.failed += 1;
  summary.errors.push({ orderId: payment.orderId, error: describe(error) });
  ctx.logger.warn(
    { ...errorDetail(error), orderId: payment.orderId },
    'midtrans-kit: reconciler could not check a payment',
  );
}

/** Claim and lease the next batch, least recently updated first, in one short transaction. */
function claim(ctx: ServiceContext, spec: SweepSpec): Promise<Payment[]> {
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
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

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
