/**
 * Midtrans names the order of each subscription charge after the subscription: its `name` followed
 * by a 32-digit unique number (midtrans-api.md §8). This is how a charge's payment notification
 * finds the subscription it belongs to; an invoice's payment finds its invoice through
 * `metadata.midtrans_invoice_id` (§9).
 */
import type { Subscription } from '../storage/records/subscription.js';
import type { Repositories } from '../storage/store.js';

const GENERATED_SUFFIX = /^(.+?)(\d{32})$/;

/** The subscription name an order id was generated from, or undefined when it has no such suffix. */
export function subscriptionNameOf(orderId: string): string | undefined {
  return GENERATED_SUFFIX.exec(orderId)?.[1];
}

/** The stored subscription an order id belongs to, or undefined. */
export async function findSubscriptionForOrder(
  repos: Pick<Repositories, 'subscriptions'>,
  orderId: string,
): Promise<Subscription | undefined> {
  const name = subscriptionNameOf(orderId);
  return name === undefined ? undefined : repos.subscriptions.findByName(name);
}

/** The Midtrans invoice id an invoice's payment notification carries (`metadata.midtrans_invoice_id`). */
export function invoiceIdOf(body: { metadata?: unknown }): string | undefined {
  const metadata = body.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return undefined;
  const id = (metadata as Record<string, unknown>).midtrans_invoice_id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Whether the order has a payment, a stored subscription it was generated for, or (for an invoice's
 * payment, `midtransInvoiceId` given) a stored invoice it pays.
 */
export async function isKnownOrder(
  repos: Pick<Repositories, 'payments' | 'subscriptions' | 'invoices'>,
  orderId: string,
  midtransInvoiceId?: string,
): Promise<boolean> {
  if ((await repos.payments.findByOrderId(orderId)) !== undefined) return true;
  if ((await findSubscriptionForOrder(repos, orderId)) !== undefined) return true;
  if (midtransInvoiceId === undefined) return false;
  return (await repos.invoices.findByMidtransInvoiceId(midtransInvoiceId)) !== undefined;
}
