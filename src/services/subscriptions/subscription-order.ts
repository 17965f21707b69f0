/**
 * Which stored record an order Midtrans reports belongs to. Midtrans names the order of each
 * subscription charge after the subscription: its `name` followed by a 10-digit unique number
 * (create-subscription; an older reading said 32 digits, still recognised), and since August 2023
 * files its notification under `SUBS-` + that order id (docs/midtrans-wire.md §8). A name is not unique (two users may both subscribe to "GOLD-PLAN"), so it
 * never attributes a charge: only the Recurring Notification, which carries Midtrans's
 * subscription id, creates a charge's payment (`subscription-charge.ts`). An invoice's payment
 * finds its invoice through `metadata.midtrans_invoice_id` (§9), which is unique.
 */
import type { Repositories } from '../../storage/store.js';

const GENERATED_SUFFIX = /^(?:SUBS-)?(.+?)(?:\d{10}|\d{32})$/;

/** The subscription name an order id was generated from, or undefined when it has no such suffix. */
export function subscriptionNameOf(orderId: string): string | undefined {
  return GENERATED_SUFFIX.exec(orderId)?.[1];
}

/** The Midtrans invoice id an invoice's payment notification carries (`metadata.midtrans_invoice_id`). */
export function invoiceIdOf(body: { metadata?: unknown }): string | undefined {
  const metadata = body.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return undefined;
  const id = (metadata as Record<string, unknown>).midtrans_invoice_id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Whether the order has a payment or (for an invoice's payment, `midtransInvoiceId` given) a stored
 * invoice it pays. A subscription charge's order is known once its Recurring Notification created
 * the payment; before that its payment notification is refused (`unknown_order`, so Midtrans
 * retries it), never attributed by the subscription name in the order id.
 */
export async function isKnownOrder(
  repos: Pick<Repositories, 'payments' | 'invoices'>,
  orderId: string,
  midtransInvoiceId?: string,
): Promise<boolean> {
  // No order of ours holds a NUL (order ids are `A-Za-z0-9-_~.`), and PostgreSQL refuses one in a
  // query parameter: answer without asking the database.
  if (orderId.includes('\u0000')) return false;
  if (await repos.payments.hasOrderId(orderId)) return true;
  if (midtransInvoiceId === undefined || midtransInvoiceId.includes('\u0000')) return false;
  return (await repos.invoices.findByMidtransInvoiceId(midtransInvoiceId)) !== undefined;
}
