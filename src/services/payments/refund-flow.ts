/**
 * Refunds, safe to retry: the refund row (with its refund key) is committed before Midtrans is
 * called, so a retry after a timeout sends the same key and Midtrans answers with the stored
 * result instead of paying twice. Over-refunds are refused before any call: the refundable
 * amount is the gross amount minus refunds that succeeded or may have (pending, unknown).
 */

import { InvalidStateError, MidtransApiError } from '../../errors.js';
import { toJsonObject } from '../../storage/json.js';
import type { Payment } from '../../storage/records/payment.js';
import type { Refund } from '../../storage/records/refund.js';
import type { WireRefundResponse } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { reachFault } from '../core/fault-points.js';
import { refundOptionsCheck } from './operation-schemas.js';
import { type PaymentRef, refreshInPlace } from './payment-records.js';
import { applyTransaction } from './payment-sync.js';
import { type RefundOptions, reserveRefund, sum } from './refund-reserve.js';

export type { RefundOptions } from './refund-reserve.js';

/** Result of a refund. */
export interface RefundResultRecord {
  /** The payment after the refund. */
  payment: Payment;
  /** The refund row. */
  refund: Refund;
  /** Midtrans's answer (the stored one when a finished refund key is repeated). */
  response: WireRefundResponse;
}

/** Run a refund. */
export async function runRefund(
  ctx: ServiceContext,
  ref: PaymentRef,
  options: RefundOptions,
): Promise<RefundResultRecord> {
  refundOptionsCheck.assert(options);
  const { payment: before, refund, replay } = await reserveRefund(ctx, ref, options);
  if (replay) {
    refreshInPlace(ref, before);
    return { payment: before, refund, response: refund.response as unknown as WireRefundResponse };
  }
  const body = {
    refund_key: refund.refundKey,
    amount: refund.amount,
    ...(refund.reason ? { reason: refund.reason } : {}),
  };
  const call = refund.isDirect ? ctx.client.core.directRefund : ctx.client.core.refund;
  await reachFault(ctx, 'refund.reserved');
  let response: WireRefundResponse;
  try {
    response = await call(before.orderId, body, { idempotencyKey: refund.refundKey });
  } catch (error) {
    const failed = await ctx.store.refunds.update(refund.id, failurePatch(error));
    ctx.logger.warn(
      { orderId: before.orderId, refundKey: refund.refundKey, status: failed.status, err: error },
      'midtrans-kit: refund failed',
    );
    throw error;
  }
  await reachFault(ctx, 'refund.answered');
  const result = await settleRefund(ctx, before.id, refund, response);
  refreshInPlace(ref, result.payment);
  return result;
}

/**
 * Store Midtrans's answer: the refund row, then the payment under its lock. Also used by the
 * reconciler for a refund whose answer was lost (it finds the refund by key in the status).
 */
export async function settleRefund(
  ctx: ServiceContext,
  paymentId: string,
  refund: Refund,
  response: WireRefundResponse,
): Promise<RefundResultRecord> {
  const rejected = refund.isDirect && response.status_code === '202';
  return ctx.store.transaction(async (tx) => {
    const updated = await tx.refunds.update(refund.id, {
      status: rejected ? 'rejected' : 'succeeded',
      statusCode: response.status_code,
      statusMessage: response.status_message ?? null,
      chargebackId:
        response.refund_chargeback_id === undefined ? null : String(response.refund_chargeback_id),
      response: toJsonObject(response),
    });
    const locked = await tx.payments.lockById(paymentId);
    if (locked === undefined) throw new InvalidStateError('refund', 'deleted');
    if (rejected) return { payment: locked, refund: updated, response };
    const succeeded = (await tx.refunds.listByPayment(paymentId)).filter((r) => r.status === 'succeeded');
    // Cumulative from our own rows, so a refund notification that got here first is not counted twice.
    const total = Math.max(locked.refundedAmount, sum(succeeded));
    const cumulative = { ...response, refund_amount: `${total}.00`, refund_key: undefined };
    const applied = await applyTransaction(ctx, tx, locked, cumulative, 'api', {
      refund: updated,
      data: { refundKey: refund.refundKey, amount: refund.amount },
    });
    const payment = await tx.payments.update(paymentId, {
      refundedAmount: Math.max(applied.payment.refundedAmount, total),
      refundCount: Math.max(applied.payment.refundCount, succeeded.length),
      lastResponse: toJsonObject(response),
    });
    return { payment, refund: updated, response };
  });
}

function failurePatch(error: unknown): Partial<Refund> {
  if (error instanceof MidtransApiError) {
    return {
      status: 'failed',
      statusCode: error.statusCode ?? String(error.httpStatus),
      statusMessage: error.messages.join('; ') || error.message,
    };
  }
  // Timeout or connection error: Midtrans may have refunded. A retry resumes this key.
  return { status: 'unknown', statusMessage: error instanceof Error ? error.message : String(error) };
}
