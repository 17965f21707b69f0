/**
 * Step 1 of a refund: with the payment locked, find the refund being retried (the same key, with
 * the same amount, reason and endpoint) or check the amount and commit a new refund row, so its
 * key exists before Midtrans is called. A refund key names one intent: without one, every call is
 * a new refund; the same key with anything else changed is refused, never merged into the other
 * request's answer.
 */

import type { Static } from '@sinclair/typebox';
import { chargedAmount } from '../../domain/money.js';
import { ConflictError, InvalidStateError, ValidationError } from '../../errors.js';
import type { Payment } from '../../storage/records/payment.js';
import type { Refund } from '../../storage/records/refund.js';
import type { ServiceContext } from '../core/context.js';
import { assertAllowed } from './operation-flow.js';
import type { RefundOptionsSchema } from './operation-schemas.js';
import { findPayment, type PaymentRef } from './payment-records.js';

/**
 * Options of `refundPayment`: `amount` (whole Rupiah, at most what is left to refund), `reason`
 * (≤ 255 characters, sent to Midtrans), `direct` (the `/refund/online/direct` endpoint) and
 * `refundKey`: one key per refund intent (1–46 visible ASCII characters, unique across payments).
 * Sending the key again (a retry after a timeout, a double submit) answers or resumes that same
 * refund, never a second one; without it every call is a new refund, so pass one whenever a call
 * may be repeated. The rule is `RefundOptionsSchema`.
 */
export type RefundOptions = Static<typeof RefundOptionsSchema>;

/** Refund states whose money may be on its way back (counted against the refundable amount). */
export const OPEN_REFUND: ReadonlySet<string> = new Set(['pending', 'unknown']);

/** Lock the payment, check the amount, and commit the refund row (or find the one being retried). */
export async function reserveRefund(
  ctx: ServiceContext,
  ref: PaymentRef,
  options: RefundOptions,
): Promise<{ payment: Payment; refund: Refund; replay: boolean }> {
  const { id } = await findPayment(ctx, ref);
  return ctx.store.transaction(async (tx) => {
    const payment = await tx.payments.lockById(id);
    if (payment === undefined) throw new InvalidStateError('refund', 'deleted');
    const refunds = await tx.refunds.listByPayment(payment.id);
    const direct = options.direct === true;
    const same =
      options.refundKey === undefined ? undefined : refunds.find((r) => r.refundKey === options.refundKey);
    if (same !== undefined) {
      assertSameIntent(same, options, direct);
      // Finished: Midtrans's stored answer. In flight: resume it with its key. Refused earlier
      // (failed, rejected): it is a new attempt, checked below like any refund.
      if (same.status === 'succeeded' || OPEN_REFUND.has(same.status)) {
        return { payment, refund: same, replay: same.status === 'succeeded' };
      }
    }
    if (payment.status !== 'paid' && payment.status !== 'partially_refunded') {
      throw new InvalidStateError(
        'refund',
        payment.status,
        `Cannot refund payment "${payment.orderId}" in status ${payment.status}`,
      );
    }
    assertAllowed('refund', payment);
    const held = refunds.filter((r) => r.status === 'succeeded' || OPEN_REFUND.has(r.status));
    // Only what was charged can come back: a partial capture took less than was authorised.
    const refundable =
      chargedAmount(payment) -
      Math.max(payment.refundedAmount, sum(held.filter((r) => r.status === 'succeeded'))) -
      sum(held.filter((r) => OPEN_REFUND.has(r.status)));
    if (options.amount > refundable) {
      throw new ValidationError({
        field: 'amount',
        reason: `must be at most ${refundable} (what is left to refund)`,
      });
    }
    const refund =
      same === undefined
        ? await tx.refunds.insert({
            paymentId: payment.id,
            refundKey: options.refundKey ?? `${payment.id}-r${refunds.length + 1}`,
            amount: options.amount,
            reason: options.reason ?? null,
            isDirect: direct,
            status: 'pending',
          })
        : await tx.refunds.update(same.id, {
            status: 'pending',
            isDirect: direct,
            reason: options.reason ?? null,
          });
    return { payment, refund, replay: false };
  });
}

/** The same key must mean the same refund: another amount, reason or endpoint is another intent. */
function assertSameIntent(same: Refund, options: RefundOptions, direct: boolean): void {
  const differs = [
    same.amount !== options.amount ? `amount ${same.amount}` : undefined,
    (same.reason ?? undefined) !== options.reason ? `reason ${JSON.stringify(same.reason ?? '')}` : undefined,
    same.isDirect !== direct ? (same.isDirect ? 'the direct endpoint' : 'the standard endpoint') : undefined,
  ].filter((part): part is string => part !== undefined);
  if (differs.length > 0) {
    throw new ConflictError(
      `Refund key "${same.refundKey}" belongs to another refund (${differs.join(', ')}); use a new key for a new refund`,
      { field: 'refundKey' },
    );
  }
}

/** Sum of the refunds' amounts. */
export function sum(refunds: readonly Refund[]): number {
  return refunds.reduce((total, r) => total + r.amount, 0);
}
