/**
 * Payments Midtrans creates on its own: a subscription's recurring charge and an invoice's payment.
 * Their first notification finds no payment for its order, so the payment is created here — from
 * the subscription a Recurring Notification names by Midtrans's id, or the invoice
 * (`metadata.midtrans_invoice_id`) — and linked to it, announced with `payment.created` like any
 * other. Never from the subscription name inside a charge's order id: names are not unique, and a
 * guess would hand one user's charge (and its `payment.paid`) to another.
 */

import { ConflictError } from '../../errors.js';
import type { NewPayment, Payment } from '../../storage/records/payment.js';
import type { PaymentLink } from '../../storage/records/payment-link.js';
import type { Subscription } from '../../storage/records/subscription.js';
import type { StoreTransaction } from '../../storage/store.js';
import type { WireTransaction } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';

/** Where a payment Midtrans created may come from. */
export interface PaymentOrigin {
  /** The body's `metadata.midtrans_invoice_id`, for an invoice's payment. */
  midtransInvoiceId?: string | undefined;
  /** The subscription a Recurring Notification named by its Midtrans id (the only attribution). */
  subscription?: Subscription | undefined;
  /** The payment link whose order id the transaction's order id extends (payment-link-order.ts). */
  paymentLink?: PaymentLink | undefined;
}

/** The locked payment of the order, created from its subscription or invoice when first seen. */
export async function lockOrCreatePayment(
  ctx: ServiceContext,
  tx: StoreTransaction,
  truth: WireTransaction,
  origin: PaymentOrigin = {},
): Promise<Payment | undefined> {
  const existing = await tx.payments.lockByOrderId(truth.order_id);
  if (existing !== undefined) return existing;
  const fields = await originFields(tx, truth, origin);
  if (fields === undefined) return undefined;
  try {
    const payment = await tx.payments.insert(fields);
    // As for a payment the host created: listeners learn of it before its first status change.
    await ctx.events.enqueue(
      tx,
      'payment.created',
      { payment, from: null, source: 'notification' },
      { idempotencyKey: `${payment.id}:created` },
    );
  } catch (error) {
    // A concurrent delivery for the same charge inserted it first; lock theirs below.
    if (!(error instanceof ConflictError)) throw error;
  }
  return tx.payments.lockByOrderId(truth.order_id);
}

async function originFields(
  tx: StoreTransaction,
  truth: WireTransaction,
  origin: PaymentOrigin,
): Promise<NewPayment | undefined> {
  const { subscription } = origin;
  if (subscription !== undefined) {
    return {
      orderId: truth.order_id,
      grossAmount: subscription.amount,
      currency: subscription.currency,
      paymentType: subscription.paymentType,
      subscriptionId: subscription.id,
      userId: subscription.userId,
      customerEmail: subscription.customerEmail,
      customerDetails: subscription.customerDetails,
    };
  }
  const { paymentLink } = origin;
  if (paymentLink !== undefined) {
    // Owned by the link's owner and for the link's amount: the notification's amount is checked
    // against it like any payment's, so a different amount is refused, not recorded.
    return {
      orderId: truth.order_id,
      grossAmount: paymentLink.grossAmount,
      currency: paymentLink.currency,
      paymentType: typeof truth.payment_type === 'string' ? truth.payment_type : null,
      paymentLinkId: paymentLink.id,
      userId: paymentLink.userId,
      customerFirstName: paymentLink.customerFirstName,
      customerLastName: paymentLink.customerLastName,
      customerEmail: paymentLink.customerEmail,
      customerPhone: paymentLink.customerPhone,
    };
  }
  const { midtransInvoiceId } = origin;
  if (midtransInvoiceId === undefined) return undefined;
  const invoice = await tx.invoices.findByMidtransInvoiceId(midtransInvoiceId);
  if (invoice === undefined) return undefined;
  return {
    orderId: truth.order_id,
    grossAmount: invoice.totalAmount,
    currency: invoice.currency,
    paymentType: typeof truth.payment_type === 'string' ? truth.payment_type : null,
    invoiceId: invoice.id,
    userId: invoice.userId,
    customerFirstName: invoice.customerName,
    customerEmail: invoice.customerEmail,
    customerPhone: invoice.customerPhone,
  };
}
