/**
 * Applying what Midtrans reports to a payment record — the one place a payment changes status.
 * Every caller (charge responses, status calls, operations, notifications, the reconciler) runs
 * it inside its own transaction on a row it locked, so two reports of the same payment are
 * serialised and each is judged against the latest committed state.
 *
 * Rules (documented in docs/hooks-and-events.md):
 * - `applied`: the transition table allows the move. Status and Midtrans fields are written, a
 *   PaymentEvent row is appended, the matching event is enqueued (stable id
 *   `<paymentId>:<status>`, plus `:<refundedAmount>` for partial refunds) and `onStatusChange`
 *   runs after commit. A further partial refund (same status, larger cumulative `refund_amount`)
 *   counts as applied too.
 * - `duplicate`: same status. Midtrans's fields are refreshed (instructions, times, the latest
 *   raw body) but the status, history and events are untouched.
 * - `stale`: older news or a final state. Nothing of it is written (only the caller's own
 *   `options.patch`, if any).
 */

import type { PaymentStatus } from '../../constants.js';
import { compact } from '../../domain/mapping/write.js';
import { fromWireTransaction } from '../../domain/mapping.js';
import { parseAmount } from '../../domain/money.js';
import { toPaymentStatus } from '../../domain/status.js';
import { classifyTransition, isPaid } from '../../domain/transitions.js';
import type { Transaction } from '../../domain/types.js';
import { forJsonColumn } from '../../storage/json.js';
import type { Payment, PaymentPatch } from '../../storage/records/payment.js';
import type { PaymentEventSource } from '../../storage/records/payment-event.js';
import type { Refund } from '../../storage/records/refund.js';
import type { StoreTransaction } from '../../storage/store.js';
import type { JsonObject, WireTransaction } from '../../wire-types.js';
import { afterCommit } from '../core/after-commit.js';
import type { ServiceContext } from '../core/context.js';
import { eventForStatus } from '../events/event-types.js';
import { markInvoicePaid } from '../invoices/invoice-sync.js';
import { markPaymentLinkPaid } from '../payment-links/payment-link-sync.js';
import { requestedExpiry } from './requested-expiry.js';

/** What `applyTransaction` did. */
export interface ApplyResult {
  /** The record after the call (unchanged when stale). */
  payment: Payment;
  /** applied, duplicate or stale; see the module comment. */
  outcome: 'applied' | 'duplicate' | 'stale';
  /** Status before. */
  from: PaymentStatus;
  /** Status Midtrans reported. */
  to: PaymentStatus;
}

/** Options of `applyTransaction`. */
export interface ApplyOptions {
  /** The notification that reported it (kept on the PaymentEvent). */
  notificationId?: string;
  /** The refund row behind a refund status (carried by the refund events). */
  refund?: Refund | null;
  /** Extra detail for the PaymentEvent row. */
  data?: JsonObject;
  /**
   * The caller's own fields, written in the same update (e.g. the charge answer), whatever the
   * outcome: a stale report writes these and nothing else.
   */
  patch?: PaymentPatch;
}

/**
 * Apply a Midtrans transaction body to a payment the caller locked in `tx`.
 * @throws ValidationError when the body is not a readable transaction (unknown status, bad amount…).
 */
export async function applyTransaction(
  ctx: ServiceContext,
  tx: StoreTransaction,
  lockedPayment: Payment,
  transaction: WireTransaction,
  source: PaymentEventSource,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const { read, to } = readTransaction(transaction);
  const from = lockedPayment.status;
  const kind = classifyTransition(from, to);
  if (kind === 'stale') {
    if (isPaid(to) && CLOSED_WITHOUT_MONEY.has(from))
      warnMoneyOnClosedPayment(ctx, lockedPayment, to, source);
    const payment =
      options.patch === undefined ? lockedPayment : await tx.payments.update(lockedPayment.id, options.patch);
    return { payment, outcome: 'stale', from, to };
  }
  const patch = { ...midtransFields(read, transaction, lockedPayment), ...options.patch };
  const newRefund = (patch.refundedAmount ?? 0) > lockedPayment.refundedAmount;
  if (kind === 'duplicate' && !(newRefund && to === 'partially_refunded')) {
    const payment = await tx.payments.update(lockedPayment.id, patch);
    return { payment, outcome: 'duplicate', from, to };
  }
  const payment = await recordTransition(ctx, tx, lockedPayment, to, patch, source, options);
  return { payment, outcome: 'applied', from, to };
}

const CLOSED_WITHOUT_MONEY: ReadonlySet<PaymentStatus> = new Set<PaymentStatus>([
  'expired',
  'cancelled',
  'denied',
  'failed',
]);

/**
 * Midtrans reports money held on a payment closed here without money (expired, cancelled, denied,
 * failed): a final status never changes, so the record stays as it is, but staff must hear of it.
 * It happens when the kit closed a Snap page by its own clock while Midtrans still took it.
 */
function warnMoneyOnClosedPayment(
  ctx: ServiceContext,
  payment: Payment,
  reported: PaymentStatus,
  source: PaymentEventSource,
): void {
  ctx.logger.error(
    { orderId: payment.orderId, paymentId: payment.id, stored: payment.status, reported, source },
    'midtrans-kit: Midtrans reports money received on a payment closed without it; check it with Midtrans',
  );
}

/**
 * Write a status change the caller decided on (also used for local outcomes: `failed` after a
 * Midtrans error, `unknown` after a timeout): update, history row, event, `onStatusChange`.
 */
export async function recordTransition(
  ctx: ServiceContext,
  tx: StoreTransaction,
  locked: Payment,
  to: PaymentStatus,
  patch: PaymentPatch,
  source: PaymentEventSource,
  options: ApplyOptions = {},
): Promise<Payment> {
  const from = locked.status;
  const payment = await tx.payments.update(locked.id, { ...patch, status: to });
  await tx.paymentEvents.insert({
    paymentId: payment.id,
    fromStatus: from,
    toStatus: to,
    source,
    notificationId: options.notificationId ?? null,
    data: {
      transactionStatus: payment.transactionStatus,
      fraudStatus: payment.fraudStatus,
      ...(options.data ?? {}),
    },
  });
  const type = eventForStatus(to);
  if (type !== undefined) {
    const refundEvent = type === 'payment.refunded' || type === 'payment.partially_refunded';
    const suffix = to === 'partially_refunded' ? `:${payment.refundedAmount}` : '';
    const base = { payment, from, source };
    await ctx.events.enqueue(tx, type, refundEvent ? { ...base, refund: options.refund ?? null } : base, {
      idempotencyKey: `${payment.id}:${to}${suffix}`,
    });
  }
  if (to === 'paid' && payment.invoiceId !== null) {
    // Whoever reports the payment paid (notification, status call, reconciler) pays its invoice.
    await markInvoicePaid(ctx, tx, payment.invoiceId, payment, source === 'manual' ? 'api' : source);
  }
  if (to === 'paid' && payment.paymentLinkId !== null) {
    // Each paid payment through a link counts once: a payment reaches `paid` only once.
    await markPaymentLinkPaid(ctx, tx, payment.paymentLinkId, payment, source === 'manual' ? 'api' : source);
  }
  if (from !== to) {
    afterCommit(tx, () => ctx.hooks.onStatusChange({ payment, from, to, source }));
  }
  return payment;
}

/**
 * Read a Midtrans transaction body and the payment status it means (pure).
 * @throws ValidationError when the body is not a readable transaction.
 */
export function readTransaction(transaction: WireTransaction): { read: Transaction; to: PaymentStatus } {
  const read = fromWireTransaction(transaction);
  return { read, to: toPaymentStatus(read.transactionStatus, read.fraudStatus) };
}

/**
 * Whether a transaction body's `gross_amount` is the payment's amount exactly: the authorised
 * amount, or what a partial capture took (Midtrans reports the captured amount). Never throws.
 */
export function amountMatches(payment: Payment, transaction: WireTransaction): boolean {
  try {
    const amount = parseAmount(transaction.gross_amount);
    return amount === payment.grossAmount || amount === payment.capturedAmount;
  } catch {
    return false;
  }
}

/** The record fields a Midtrans body carries. Absent instruction fields leave stored ones alone. */
export function midtransFields(read: Transaction, raw: WireTransaction, current: Payment): PaymentPatch {
  const i = read.instructions;
  const cumulative = read.refundKey === undefined ? read.refundAmount : undefined;
  const refunded = Math.max(current.refundedAmount, cumulative ?? 0);
  return compact({
    transactionId: current.transactionId ?? read.transactionId,
    paymentType: read.paymentType,
    transactionStatus: read.transactionStatus,
    fraudStatus: read.fraudStatus ?? null,
    statusCode: read.statusCode,
    statusMessage: read.statusMessage,
    bank: i.bank ?? read.card?.bank,
    vaNumber: i.vaNumber,
    billKey: i.billKey,
    billerCode: i.billerCode,
    paymentCode: i.paymentCode,
    store: i.store,
    qrString: i.qrString,
    actions: i.actions as PaymentPatch['actions'],
    redirectUrl: i.redirectUrl,
    deeplinkUrl: i.deeplinkUrl,
    expiryTime:
      read.expiryTime ??
      read.wallet?.expireTime ??
      (current.expiryTime === null ? requestedExpiry(current, read.transactionTime) : undefined),
    transactionTime: read.transactionTime,
    settlementTime: read.settlementTime,
    refundedAmount: refunded,
    refundCount: Math.max(current.refundCount, read.refunds?.length ?? 0),
    lastResponse: forJsonColumn(raw),
  });
}
