/**
 * Capture of a card pre-authorisation, in full or for less. Midtrans allows one capture per
 * authorisation, and only the captured amount can be refunded. The amount is therefore reserved
 * on the locked payment before Midtrans is called: a second capture with another amount (a
 * double submit, two staff members, a retry that changed its mind) is refused instead of being
 * answered with the first one's result; the same amount again is a retry of the same capture.
 */

import { ConflictError, InvalidStateError, MidtransApiError, ValidationError } from '../../errors.js';
import type { Payment } from '../../storage/records/payment.js';
import type { ServiceContext } from '../core/context.js';
import { assertAllowed, type OperationResult, runOperation } from './operation-flow.js';
import { type CaptureOptions, captureOptionsCheck } from './operation-schemas.js';
import { findPayment, type PaymentRef, refreshInPlace } from './payment-records.js';

/** Reserve the capture, ask Midtrans, apply the answer; a refusal releases the reservation. */
export async function runCapture(
  ctx: ServiceContext,
  ref: PaymentRef,
  options: CaptureOptions,
): Promise<OperationResult> {
  captureOptionsCheck.assert(options);
  const { amount } = options;
  const reserved = await reserveCapture(ctx, ref, amount);
  try {
    const capturedAmount = reserved.capturedAmount ?? reserved.grossAmount;
    const result = await runOperation(
      ctx,
      reserved,
      'capture',
      (p, key) =>
        ctx.client.core.capture(
          { transaction_id: p.transactionId ?? '', gross_amount: capturedAmount },
          { idempotencyKey: key },
        ),
      { capturedAmount },
    );
    refreshInPlace(ref, result.payment);
    return result;
  } catch (error) {
    // Midtrans answered and refused: nothing was captured, so the amount is free again. A timeout
    // keeps it: the capture may have happened, and only the same amount may be retried.
    if (error instanceof MidtransApiError && !error.retryable) await releaseCapture(ctx, reserved);
    throw error;
  }
}

/** Lock the payment and record the amount to capture, or find the same capture being retried. */
async function reserveCapture(
  ctx: ServiceContext,
  ref: PaymentRef,
  amount: number | undefined,
): Promise<Payment> {
  const { id } = await findPayment(ctx, ref);
  return ctx.store.transaction(async (tx) => {
    const payment = await tx.payments.lockById(id);
    if (payment === undefined) throw new InvalidStateError('capture', 'deleted');
    assertAllowed('capture', payment);
    const wanted = amount ?? payment.grossAmount;
    if (wanted > payment.grossAmount) {
      throw new ValidationError({
        field: 'amount',
        reason: `must be at most the authorised ${payment.grossAmount}`,
      });
    }
    if (payment.capturedAmount === wanted) return payment;
    if (payment.capturedAmount !== null) {
      throw new ConflictError(
        `A capture of ${payment.capturedAmount} was already requested for payment "${payment.orderId}"; ` +
          'an authorisation is captured once (repeat that amount to retry, or cancel)',
        { field: 'amount' },
      );
    }
    return tx.payments.update(payment.id, { capturedAmount: wanted });
  });
}

/** Statuses in which a capture has happened: the reservation is then what Midtrans took. */
const CAPTURED: ReadonlySet<string> = new Set(['paid', 'partially_refunded', 'refunded']);

/**
 * Free a refused capture's reservation. Midtrans refused this amount under this key, so it was not
 * captured by us; the payment may meanwhile have moved on (a deny notification), never to captured.
 */
async function releaseCapture(ctx: ServiceContext, reserved: Payment): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const payment = await tx.payments.lockById(reserved.id);
    if (payment === undefined || payment.capturedAmount !== reserved.capturedAmount) return;
    if (CAPTURED.has(payment.status)) return;
    await tx.payments.update(payment.id, { capturedAmount: null });
  });
}
