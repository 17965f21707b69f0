/**
 * The transactional half of the webhook engine: lock the payment, check the amount, apply the
 * transition and record the delivery's outcome, all in one transaction, so a delivery's row never
 * claims a change that did not commit (or the reverse).
 */

import type { Notification } from '../../storage/records/notification.js';
import type { PaymentLink } from '../../storage/records/payment-link.js';
import type { WireTransaction } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { lockOrCreatePayment } from '../payments/payment-origin.js';
import { amountMatches, applyTransaction } from '../payments/payment-sync.js';
import { type AppliedDelivery, recordOutcome, recordRejection } from './notification-record.js';

/**
 * Apply Midtrans's `truth` (the status response, or the signed body when trusted) to the payment
 * of its order, recording the outcome on `notification`. `midtransInvoiceId` (the body's
 * `metadata.midtrans_invoice_id`) lets an invoice's first payment notification create its payment,
 * `paymentLink` (found from the order id) a payment link's.
 */
export function applyToPayment(
  ctx: ServiceContext,
  notification: Notification,
  truth: WireTransaction,
  midtransInvoiceId?: string,
  paymentLink?: PaymentLink,
): Promise<AppliedDelivery> {
  return ctx.store.transaction(async (tx) => {
    const payment = await lockOrCreatePayment(ctx, tx, truth, { midtransInvoiceId, paymentLink });
    if (payment === undefined) {
      // Seen before the status call, gone now: the payment was deleted meanwhile.
      const error = `no payment, subscription or invoice for order_id "${truth.order_id}"`;
      return recordRejection(ctx, tx, notification, 'unknown_order', { error, signatureValid: true });
    }
    const signatureValid = true;
    if (!amountMatches(payment, truth)) {
      const error = `gross_amount "${truth.gross_amount}" differs from the stored ${payment.grossAmount}`;
      return recordRejection(ctx, tx, notification, 'amount_mismatch', {
        error,
        paymentId: payment.id,
        signatureValid,
      });
    }
    const result = await applyTransaction(ctx, tx, payment, truth, 'notification', {
      notificationId: notification.id,
    });
    const recorded = await recordOutcome(ctx, tx, notification, result.outcome, {
      paymentId: payment.id,
      signatureValid,
      error: null,
    });
    return { verdict: result.outcome, notification: recorded };
  });
}
