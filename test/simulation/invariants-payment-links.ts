/**
 * The payment link invariants, checked after every history beside invariants.ts:
 * (a) a link and every payment through it belong to the link's creator;
 * (b) money on each such payment is the link's amount, at Midtrans too; the link's usage count and
 *     paid total are the sum of its payments, and every payment Midtrans took has its payment;
 * (f) a deleted or used-up link took no payment (checked as it happens, in ops-payment-links.ts),
 *     and no link holds more payments than its usage limit.
 */
import type { Model } from './model.js';
import { linksOf } from './ops-payment-links.js';
import type { World } from './world.js';

/** Check the links of a history. Returns the violations. */
export async function checkPaymentLinks(world: World, model: Model): Promise<string[]> {
  const found: string[] = [];
  const { store } = world.kit;
  for (const known of linksOf(model).values()) {
    const link = await store.paymentLinks.findById(known.id);
    if (link === undefined) {
      found.push(`(b) link ${known.orderId} is gone`);
      continue;
    }
    if (link.userId !== known.owner)
      found.push(`(a) link ${link.orderId} belongs to ${link.userId}, not ${known.owner}`);
    if (link.grossAmount !== known.gross)
      found.push(`(b) link ${link.orderId}: ${link.grossAmount}, asked ${known.gross}`);
    const payments = await store.payments.listByPaymentLink(link.id);
    for (const payment of payments) {
      if (payment.userId !== link.userId) {
        found.push(
          `(a) payment ${payment.orderId} through ${known.owner}'s link belongs to ${payment.userId}`,
        );
      }
      if (payment.grossAmount !== link.grossAmount) {
        found.push(
          `(b) payment ${payment.orderId}: ${payment.grossAmount}, the link is for ${link.grossAmount}`,
        );
      }
      const remote = world.sim.controls.transaction(payment.orderId);
      if (remote !== undefined && remote.grossAmount !== link.grossAmount) {
        found.push(
          `(b) payment ${payment.orderId}: Midtrans charged ${remote.grossAmount} for a ${link.grossAmount} link`,
        );
      }
    }
    const stored = new Set(payments.map((p) => p.orderId));
    for (const orderId of known.paid) {
      if (!stored.has(orderId))
        found.push(`(b) link ${link.orderId}: Midtrans took ${orderId}, no payment stored`);
    }
    const paid = payments.filter((p) => p.status === 'paid');
    if (link.usageCount !== paid.length) {
      found.push(`(b) link ${link.orderId}: usage ${link.usageCount}, ${paid.length} paid payments`);
    }
    const sum = paid.reduce((total, p) => total + p.grossAmount, 0);
    if (link.paidAmount !== sum)
      found.push(`(b) link ${link.orderId}: paid ${link.paidAmount}, payments sum to ${sum}`);
    if (link.usageLimit !== null && payments.length > link.usageLimit) {
      found.push(`(f) link ${link.orderId}: ${payments.length} payments, limit ${link.usageLimit}`);
    }
    if (known.deleted && link.status !== 'deleted')
      found.push(`(e) link ${link.orderId} deleted but ${link.status}`);
  }
  return found;
}
