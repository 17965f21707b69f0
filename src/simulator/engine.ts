/**
 * Applies state changes to transactions: checks the documented transition table, updates
 * the record, (re)schedules expiry, and queues the payment notification for every change.
 */
import type { FraudStatus, TransactionStatus } from '../constants.js';
import type { SimContext } from './context.js';
import type { SimTransaction } from './transaction.js';
import { transactionView } from './transaction-views.js';
import { canTransition } from './transitions.js';

/** Thrown when a change is not a documented transition (API callers turn it into body 412). */
export class TransitionError extends Error {
  constructor(
    readonly from: TransactionStatus,
    readonly to: TransactionStatus,
  ) {
    super(`Midtrans does not move a transaction from "${from}" to "${to}"`);
    this.name = 'TransitionError';
  }
}

/** Extra changes applied together with a transition. */
export interface TransitionPatch {
  fraudStatus?: FraudStatus;
  fields?: Record<string, string | boolean>;
}

/** Notification recipients of a transaction: override replaces the default URL, append adds to it. */
export function notificationUrls(ctx: SimContext, txn: SimTransaction): string[] {
  if (txn.notifyOverride) return txn.notifyOverride;
  const urls = ctx.options.notificationUrl ? [ctx.options.notificationUrl] : [];
  return txn.notifyAppend.length > 0 ? urls.concat(txn.notifyAppend) : urls;
}

/** Queue the payment notification describing the transaction's current state. */
export function notifyPayment(ctx: SimContext, txn: SimTransaction): void {
  const urls = notificationUrls(ctx, txn);
  if (urls.length === 0) return;
  ctx.notifier.send({
    kind: 'payment',
    orderId: txn.orderId,
    urls,
    payload: transactionView(txn, ctx.options.merchantId, ctx.options.serverKey, 'notification'),
  });
}

/** Mark a record changed (drops the cached status body). */
export function touch(txn: SimTransaction): void {
  txn.version += 1;
}

/** Move a transaction to `to`, or throw {@link TransitionError}. Queues its notification. */
export function transition(
  ctx: SimContext,
  txn: SimTransaction,
  to: TransactionStatus,
  patch: TransitionPatch = {},
): void {
  if (!canTransition(txn.status, to)) throw new TransitionError(txn.status, to);
  const now = ctx.clock.nowMs();
  txn.status = to;
  if (patch.fraudStatus !== undefined) txn.fraudStatus = patch.fraudStatus;
  if (patch.fields) Object.assign(txn.fields, patch.fields);
  if (to !== 'pending' && to !== 'authorize' && txn.expiryTask) {
    txn.expiryTask.cancel();
    txn.expiryTask = undefined;
  }
  if (to === 'settlement') {
    txn.settlementTime = now;
    txn.spec.onSettle?.(txn, now, ctx.ids.next());
  }
  touch(txn);
  notifyPayment(ctx, txn);
}

/** Schedule what happens when a pending (or authorized) transaction runs out of time. */
export function scheduleExpiry(ctx: SimContext, txn: SimTransaction, at: number): void {
  txn.expiryTask?.cancel();
  txn.expiryTime = at;
  txn.expiryTask = ctx.scheduler.at(at, () => {
    txn.expiryTask = undefined;
    if (txn.expiryAction === 'cancel' && txn.status === 'authorize') transition(ctx, txn, 'cancel');
    else if (txn.status === 'pending') transition(ctx, txn, 'expire');
  });
}
