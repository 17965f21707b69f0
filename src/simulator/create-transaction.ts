/** Registering a new transaction: the record, both lookup Maps, and its expiry. */

import type { FraudStatus, TransactionStatus } from '../constants.js';
import type { JsonObject, JsonValue } from '../wire-types.js';
import type { SimContext } from './context.js';
import { scheduleExpiry } from './engine.js';
import type { MethodSpec, SimCard, SimTransaction } from './transaction.js';
import { orderIdReusable } from './transitions.js';

/** Inputs of a new transaction. */
export interface NewTransaction {
  transactionId: string;
  orderId: string;
  grossAmount: number;
  paymentType: string;
  spec: MethodSpec;
  fields: Record<string, JsonValue>;
  chargeFields: Record<string, JsonValue>;
  extras: JsonObject;
  notify: { override: string[] | undefined; append: string[] };
  status: TransactionStatus;
  fraudStatus: FraudStatus | undefined;
  card?: SimCard;
  /** Absolute expiry (simulator ms) for pending/authorize transactions. */
  expiryAt: number | undefined;
  expiryAction?: 'expire' | 'cancel';
  invoiceId?: string;
}

/** Whether `orderId` can be charged now (unused, or its last transaction expired or was cancelled). */
export function orderIdAvailable(ctx: SimContext, orderId: string): boolean {
  const existing = ctx.state.byOrderId.get(orderId);
  if (existing && !orderIdReusable(existing.status)) return false;
  // A Snap token reserves its order id until the customer picks a method.
  const session = ctx.state.snapByOrderId.get(orderId);
  return (
    session === undefined || session.transactionId !== undefined || session.expiresAt <= ctx.clock.nowMs()
  );
}

/** Create and register a transaction. The caller queues its first notification. */
export function createTransaction(ctx: SimContext, input: NewTransaction): SimTransaction {
  const txn: SimTransaction = {
    transactionId: input.transactionId,
    orderId: input.orderId,
    paymentType: input.paymentType,
    grossAmount: input.grossAmount,
    status: input.status,
    fraudStatus: input.fraudStatus,
    transactionTime: ctx.clock.nowMs(),
    expiryTime: undefined,
    settlementTime: undefined,
    fields: input.fields,
    chargeFields: input.chargeFields,
    spec: input.spec,
    card: input.card,
    extras: input.extras,
    refunds: [],
    refundedAmount: 0,
    chargedBackAmount: 0,
    refundKeys: new Map(),
    notifyOverride: input.notify.override,
    notifyAppend: input.notify.append,
    expiryTask: undefined,
    expiryAction: input.expiryAction ?? 'expire',
    invoiceId: input.invoiceId,
    finishUrl: undefined,
    previous: ctx.state.byOrderId.get(input.orderId),
    version: 0,
    statusJsonVersion: -1,
    statusJson: '',
  };
  ctx.state.byOrderId.set(txn.orderId, txn);
  ctx.state.byTransactionId.set(txn.transactionId, txn);
  ctx.state.all.push(txn);
  if (input.expiryAt !== undefined && (txn.status === 'pending' || txn.status === 'authorize')) {
    scheduleExpiry(ctx, txn, input.expiryAt);
  }
  return txn;
}
