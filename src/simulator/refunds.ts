/**
 * Refunds and direct refunds (docs/midtrans-wire.md §4). A `refund_key` names one refund: retrying
 * it with the same amount replays the stored answer (so a client retry after a timeout is safe);
 * reusing it with a different amount is 406 "Duplicate refund ID". The bank confirms a refund one
 * simulated day later, which sends the second notification Midtrans documents (with
 * `bank_confirmed_at`).
 */
import type { JsonObject } from '../wire-types.js';
import type { SimContext } from './context.js';
import { notifyPayment, touch, transition } from './engine.js';
import { isObject, stringAt } from './json.js';
import type { SimRequest, SimResponse } from './router.js';
import { findTransaction } from './state.js';
import type { SimRefund, SimTransaction } from './transaction.js';
import { refundView } from './transaction-views.js';
import { operationAllowed } from './transitions.js';
import { coreError, coreNotAllowed, coreNotFound, coreValidation } from './wire-errors.js';

const BANK_CONFIRMATION_MS = 86_400_000;

/** Amount still refundable or chargeable back. */
export function remainingAmount(txn: SimTransaction): number {
  return txn.grossAmount - txn.refundedAmount - txn.chargedBackAmount;
}

/** `POST /v2/{id}/refund` (`direct: false`) and `/refund/online/direct` (`direct: true`). */
export function handleRefund(ctx: SimContext, req: SimRequest, direct: boolean): SimResponse {
  const txn = findTransaction(ctx.state, req.params[0] ?? '');
  if (!txn) return coreNotFound();
  const body: JsonObject = isObject(req.body) ? req.body : {};
  const key = stringAt(body, 'refund_key');
  const amount = body.amount;
  const reason = stringAt(body, 'reason') ?? '';
  const errors: string[] = [];
  if (key !== undefined && !/^[A-Za-z0-9\-_]{1,100}$/.test(key)) {
    errors.push('refund_key may only contain alphanumeric, - and _');
  }
  if (amount !== undefined && (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1)) {
    errors.push('amount must be a positive integer');
  }
  if (reason.length > 255) errors.push('reason must be at most 255 characters');
  if (errors.length > 0) return coreValidation(errors);

  if (key !== undefined) {
    const previous = txn.refundKeys.get(key);
    if (previous) {
      if (amount === undefined || amount === previous.amount) return { status: 200, body: previous.body };
      return coreError('406', 'Duplicate refund ID', {}, false);
    }
  }
  if (!operationAllowed('refund', txn.status) || !txn.spec.refundable) return coreNotAllowed();
  const remaining = remainingAmount(txn);
  const value = typeof amount === 'number' ? amount : remaining;
  if (value > remaining)
    return coreError('414', 'Refund request is rejected due to invalid amount', {}, false);
  if (!txn.spec.partialRefund && value !== txn.grossAmount) return coreNotAllowed();

  const refundKey = key ?? `${txn.orderId.slice(0, 40)}-${ctx.ids.alnum(8)}`;
  const id = ctx.state.refundSeq++;
  if (direct && ctx.rejectDirectRefunds > 0) {
    ctx.rejectDirectRefunds -= 1;
    return { status: 200, body: refundView(txn, '202', 'Refund denied by the bank', id, 0, refundKey) };
  }
  const refund: SimRefund = { id, amount: value, createdAt: ctx.clock.nowMs(), reason, key: refundKey };
  txn.refunds.push(refund);
  txn.refundedAmount += value;
  transition(
    ctx,
    txn,
    txn.refundedAmount + txn.chargedBackAmount >= txn.grossAmount ? 'refund' : 'partial_refund',
  );
  const message = direct
    ? 'Success, refund request is approved by the bank'
    : 'Success, refund request is approved';
  const response = refundView(txn, '200', message, id, value, refundKey);
  txn.refundKeys.set(refundKey, { amount: value, body: response });
  ctx.scheduler.at(refund.createdAt + BANK_CONFIRMATION_MS, () => {
    refund.method = 'online';
    refund.bankConfirmedAt = ctx.clock.nowMs();
    touch(txn);
    notifyPayment(ctx, txn);
  });
  return { status: 200, body: response };
}
