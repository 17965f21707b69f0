/**
 * Re-syncing one payment from Midtrans: a status call outside any transaction (never hold a row
 * lock across HTTP), then the answer applied under the row lock through the one transition path
 * every source shares, so a notification that raced the reconciler is simply seen as applied.
 */

import type { PaymentStatus } from '../../constants.js';
import { snapPageEnd } from '../../domain/snap-page-expiry.js';
import { MidtransApiError } from '../../errors.js';
import type { Payment } from '../../storage/records/payment.js';
import type { StoreTransaction } from '../../storage/store.js';
import type { WireTransaction } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import {
  amountMatches,
  applyTransaction,
  readTransaction,
  recordTransition,
} from '../payments/payment-sync.js';

/** The statuses the reconciler re-checks: every outcome still open. */
export const RECONCILED_STATUSES: readonly PaymentStatus[] = [
  'created',
  'unknown',
  'pending',
  'challenge',
  'authorized',
];

/**
 * How long Midtrans honours an Idempotency-Key (docs/midtrans-wire.md §1.1). Until it has passed, a
 * charge whose answer was lost may still be retried with its key and create the transaction.
 */
export const IDEMPOTENCY_WINDOW_MS = 5 * 60_000;

/** What became of one payment. */
export type ReconcileOutcome = 'updated' | 'unchanged';

/** A claimed payment with Midtrans's answer: its status, or undefined when Midtrans has none. */
export interface CheckedPayment {
  /** The payment as claimed. */
  claimed: Payment;
  /** The status response; undefined for a 404. */
  status: WireTransaction | undefined;
}

/**
 * The status call of a claimed payment, its answer checked before any transaction: an amount
 * that differs, or a body that cannot be read, throws here and so never aborts a transaction.
 */
export async function checkPayment(ctx: ServiceContext, claimed: Payment): Promise<CheckedPayment> {
  const status = await fetchStatus(ctx, claimed);
  if (status === undefined) return { claimed, status };
  // The amount is fixed once the record is written; applyAnswer checks the locked row again.
  if (!amountMatches(claimed, status)) throw amountError(status, claimed);
  readTransaction(status);
  return { claimed, status };
}

function amountError(status: WireTransaction, payment: Payment): Error {
  return new Error(`Midtrans reports gross_amount "${status.gross_amount}", stored ${payment.grossAmount}`);
}

/** Apply a checked answer to its payment, locked in `tx`. */
export async function applyAnswer(
  ctx: ServiceContext,
  tx: StoreTransaction,
  { claimed, status }: CheckedPayment,
): Promise<ReconcileOutcome> {
  const locked = await tx.payments.lockById(claimed.id);
  // Settled meanwhile (a notification won the race): nothing left to do. A settled payment
  // claimed for the slower re-check is still applied while it is in the status it was claimed in.
  if (locked === undefined) return 'unchanged';
  if (!RECONCILED_STATUSES.includes(locked.status) && locked.status !== claimed.status) return 'unchanged';
  if (status === undefined) return onNotFound(ctx, tx, locked);
  if (!amountMatches(locked, status)) throw amountError(status, locked);
  const result = await applyTransaction(ctx, tx, locked, status, 'reconciler');
  return result.outcome === 'applied' ? 'updated' : 'unchanged';
}

/** The status response, or undefined when Midtrans has no such transaction (HTTP/body 404). */
async function fetchStatus(ctx: ServiceContext, payment: Payment): Promise<WireTransaction | undefined> {
  try {
    return await ctx.client.core.status(payment.transactionId ?? payment.orderId);
  } catch (error) {
    if (error instanceof MidtransApiError && (error.httpStatus === 404 || error.statusCode === '404')) {
      return undefined;
    }
    throw error;
  }
}

// Clocks differ a little: a page is over for certain only a while after its end.
const SNAP_PAGE_GRACE_MS = 5 * 60_000;

/**
 * A Snap page whose customer never picked a method: pending while the page can still be used;
 * once it has ended, expired (Midtrans sends no notification for that).
 */
async function onSnapNotStarted(
  ctx: ServiceContext,
  tx: StoreTransaction,
  payment: Payment,
): Promise<ReconcileOutcome> {
  const end = payment.expiryTime ?? snapPageEnd(undefined, payment.createdAt);
  if (payment.status !== 'pending' || end.getTime() + SNAP_PAGE_GRACE_MS > ctx.now().getTime()) {
    return 'unchanged';
  }
  await recordTransition(
    ctx,
    tx,
    payment,
    'expired',
    { statusMessage: 'The Snap page expired before the customer chose a payment method' },
    'reconciler',
    { data: { reason: 'snap_page_expired' } },
  );
  return 'updated';
}

/**
 * Midtrans does not know the order. For a Snap payment that is normal until the customer picks a
 * method (docs/midtrans-wire.md §6.4). For a charge whose answer was lost (`unknown`) or never sent
 * (`created`), once the idempotency window has passed nothing can create it any more: it failed.
 */
async function onNotFound(
  ctx: ServiceContext,
  tx: StoreTransaction,
  payment: Payment,
): Promise<ReconcileOutcome> {
  if (payment.snapToken !== null) return onSnapNotStarted(ctx, tx, payment);
  if (payment.status !== 'unknown' && payment.status !== 'created') return 'unchanged';
  if (payment.updatedAt.getTime() + IDEMPOTENCY_WINDOW_MS > ctx.now().getTime()) return 'unchanged';
  await recordTransition(
    ctx,
    tx,
    payment,
    'failed',
    { statusMessage: 'Midtrans has no transaction for this order (status 404): the charge never reached it' },
    'reconciler',
    { data: { reason: 'not_found_at_midtrans' } },
  );
  return 'updated';
}
