/**
 * Payments through payment links whose notification never arrived. Midtrans makes each such
 * payment's order id itself, so a lost notification leaves no record here at all. Links that can
 * still have taken a payment (active or used, and those deleted within `settledEvery`) are asked
 * for their `purchases`; each one with no payment here is read from its status and recorded
 * through the same path a notification takes (owned by the link's owner, amount-checked, counted
 * against the link once).
 */
import type { PaymentLink } from '../../storage/records/payment-link.js';
import type { ServiceContext } from '../core/context.js';
import { errorDetail } from '../core/logger.js';
import { linkOrderIdOf } from '../payment-links/payment-link-order.js';
import { lockOrCreatePayment } from '../payments/payment-origin.js';
import { amountMatches, applyTransaction } from '../payments/payment-sync.js';

/** What a pass over payment links did. */
export interface PaymentLinkSweep {
  /** Links asked for their purchases. */
  examined: number;
  /** Payments recorded that no notification had brought. */
  recovered: number;
  /** Links that could not be checked (tried again next run). */
  failed: number;
}

const BATCH = 100;

/** Record the purchases no notification brought, of the links that may have taken some. */
export async function reconcilePaymentLinks(
  ctx: ServiceContext,
  settledEvery: number,
): Promise<PaymentLinkSweep> {
  const sweep: PaymentLinkSweep = { examined: 0, recovered: 0, failed: 0 };
  const now = ctx.now().getTime();
  const page = await ctx.store.paymentLinks.list({ status: ['active', 'used', 'deleted'], limit: BATCH });
  const due = page.items.filter(
    (link) => link.status !== 'deleted' || (link.deletedAt?.getTime() ?? 0) > now - settledEvery,
  );
  for (const link of due) {
    sweep.examined += 1;
    try {
      sweep.recovered += await recoverPurchases(ctx, link);
    } catch (error) {
      sweep.failed += 1;
      ctx.logger.warn(
        { ...errorDetail(error), paymentLinkId: link.id },
        'midtrans-kit: reconciler could not check a payment link',
      );
    }
  }
  return sweep;
}

async function recoverPurchases(ctx: ServiceContext, link: PaymentLink): Promise<number> {
  const remote = await ctx.client.paymentLinks.getPaymentLink(link.orderId);
  let recovered = 0;
  for (const purchase of remote.purchases ?? []) {
    // Only purchases whose order id extends this link's: the attribution a notification uses.
    if (linkOrderIdOf(purchase.order_id) !== link.orderId) continue;
    if ((await ctx.store.payments.findByOrderId(purchase.order_id)) !== undefined) continue;
    const truth = await ctx.client.core.status(purchase.order_id);
    const recorded = await ctx.store.transaction(async (tx) => {
      const payment = await lockOrCreatePayment(ctx, tx, truth, { paymentLink: link });
      if (payment === undefined || payment.paymentLinkId !== link.id || !amountMatches(payment, truth)) {
        ctx.logger.warn(
          { orderId: truth.order_id, paymentLinkId: link.id },
          'midtrans-kit: a payment link purchase could not be attributed for certain; left for staff',
        );
        return false;
      }
      await applyTransaction(ctx, tx, payment, truth, 'reconciler');
      return true;
    });
    if (recorded) recovered += 1;
  }
  return recovered;
}
