/**
 * Cancel, expire, approve, deny and capture: check locally that Midtrans would accept the
 * operation (a clear InvalidStateError instead of a 412 round trip), call Midtrans with a key
 * derived from the operation and the payment (a retried call is deduplicated), then apply the
 * answer under the row lock like any other report.
 */

import type { PaymentOperation } from '../../constants.js';
import { assertOperationAllowed } from '../../domain/operations.js';
import { InvalidStateError } from '../../errors.js';
import type { Payment } from '../../storage/records/payment.js';
import type { JsonObject, WireActionResponse } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { reachFault } from '../core/fault-points.js';
import { findPayment, type PaymentRef, refreshInPlace } from './payment-records.js';
import { applyTransaction } from './payment-sync.js';

/** Result of an operation. */
export interface OperationResult {
  /** The stored payment after Midtrans's answer. */
  payment: Payment;
  /** Midtrans's answer, as received. */
  response: WireActionResponse;
}

/** The call an operation makes, given the payment and its idempotency key. */
export type OperationCall = (payment: Payment, idempotencyKey: string) => Promise<WireActionResponse>;

/** Run one operation on a payment. */
export async function runOperation(
  ctx: ServiceContext,
  ref: PaymentRef,
  operation: PaymentOperation,
  call: OperationCall,
  data?: JsonObject,
): Promise<OperationResult> {
  const current = await findPayment(ctx, ref);
  assertAllowed(operation, current);
  const response = await call(current, `${operation}-${current.id}`);
  await reachFault(ctx, 'operation.answered');
  const payment = await ctx.store.transaction(async (tx) => {
    const locked = await tx.payments.lockById(current.id);
    if (locked === undefined) throw new InvalidStateError(operation, 'deleted');
    const applied = await applyTransaction(
      ctx,
      tx,
      locked,
      response,
      'api',
      data === undefined ? {} : { data },
    );
    return applied.payment;
  });
  refreshInPlace(ref, payment);
  return { payment, response };
}

/** @throws InvalidStateError when Midtrans would refuse `operation` (or the payment never reached it). */
export function assertAllowed(operation: PaymentOperation, payment: Payment): void {
  if (payment.transactionStatus === null) {
    throw new InvalidStateError(
      operation,
      payment.status,
      `Cannot ${operation} payment "${payment.orderId}": Midtrans has not reported it yet (status ${payment.status})`,
    );
  }
  assertOperationAllowed(operation, {
    transactionStatus: payment.transactionStatus,
    fraudStatus: payment.fraudStatus,
  });
}
