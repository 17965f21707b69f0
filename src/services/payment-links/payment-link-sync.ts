/**
 * The one place a paid payment counts against its payment link: under the link's row lock, in the
 * transaction that marks the payment paid, so the count, the money and `payment_link.paid` commit
 * with it or not at all.
 */
import type { Payment } from '../../storage/records/payment.js';
import type { PaymentLink } from '../../storage/records/payment-link.js';
import type { StoreTransaction } from '../../storage/store.js';
import type { ServiceContext } from '../core/context.js';
import type { RecordEventSource } from '../events/event-types.js';

/** Count `payment` (just paid) against its link; `used` once the usage limit is reached. */
export async function markPaymentLinkPaid(
  ctx: ServiceContext,
  tx: StoreTransaction,
  paymentLinkId: string,
  payment: Payment,
  source: RecordEventSource,
): Promise<PaymentLink | undefined> {
  const locked = await tx.paymentLinks.lockById(paymentLinkId);
  if (locked === undefined) return undefined;
  const paidAfterDelete =
    locked.deletedAt !== null &&
    payment.transactionTime !== null &&
    payment.transactionTime.getTime() > locked.deletedAt.getTime();
  if (locked.status === 'used' || paidAfterDelete) {
    // Midtrans refuses payments through such a link: a race worth a look, but the money is real.
    // (A payment made before the deletion and reported after it is ordinary.)
    ctx.logger.warn(
      { paymentLinkId, orderId: payment.orderId, status: locked.status },
      'midtrans-kit: a payment link took a payment after it was closed; counting it',
    );
  }
  const usageCount = locked.usageCount + 1;
  const usedUp = locked.usageLimit !== null && usageCount >= locked.usageLimit;
  const status = usedUp && locked.status === 'active' ? 'used' : locked.status;
  const updated = await tx.paymentLinks.update(locked.id, {
    usageCount,
    paidAmount: locked.paidAmount + payment.grossAmount,
    status,
  });
  await ctx.events.enqueue(
    tx,
    'payment_link.paid',
    { paymentLink: updated, from: locked.status, source, payment },
    { idempotencyKey: `${updated.id}:paid:${payment.id}` },
  );
  return updated;
}
