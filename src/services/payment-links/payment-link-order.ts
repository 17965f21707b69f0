/**
 * Which payment link a transaction Midtrans created belongs to. Midtrans gives each payment
 * through a link the order id `<link order id>-<unix seconds>-<unix ms>` (its documented
 * `purchases`), so the link is found by that prefix — and only among links this kit created, so a
 * foreign order id never borrows an owner.
 */
import type { PaymentLink } from '../../storage/records/payment-link.js';
import type { Repositories } from '../../storage/store.js';

const PURCHASE_SUFFIX = /^(.+)-\d+-\d+$/;

/** The link order id inside a purchase's order id, or undefined when it has no such suffix. */
export function linkOrderIdOf(orderId: unknown): string | undefined {
  if (typeof orderId !== 'string') return undefined;
  return PURCHASE_SUFFIX.exec(orderId)?.[1];
}

/** The stored link a purchase's order id names, if any (never a draft or failed one). */
export async function findLinkOfOrder(
  store: Repositories,
  orderId: unknown,
): Promise<PaymentLink | undefined> {
  const linkOrderId = linkOrderIdOf(orderId);
  if (linkOrderId === undefined) return undefined;
  const link = await store.paymentLinks.findByOrderId(linkOrderId);
  return link === undefined || link.status === 'failed' ? undefined : link;
}
