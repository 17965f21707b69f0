/**
 * The invariants checked after every history, against the kit's tables (through its store) and
 * the simulator's state. Each message starts with the invariant's letter, as in docs/simulation.md.
 */
import { toPaymentStatus } from '../../src/domain/status.js';
import type { Page } from '../../src/storage/paging.js';
import type { Payment } from '../../src/storage/records/payment.js';
import type { Subscription } from '../../src/storage/records/subscription.js';
import { checkGopayInvariants } from './invariants-gopay.js';
import type { Model } from './model.js';
import type { World } from './world.js';

const OPEN_PAYMENT = new Set(['created', 'pending', 'unknown', 'authorized', 'challenge']);
const OPEN_REFUND = new Set(['pending', 'unknown']);
// A status a payment can reach more than once (one history row per refund or chargeback).
const REPEATABLE = new Set(['partially_refunded', 'partially_charged_back']);

async function all<T>(list: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return out;
}

/** Check (a)–(d) and (g) after the final reconcile; (e) was checked on every request. Returns the violations. */
export async function checkInvariants(world: World, model: Model): Promise<string[]> {
  const found: string[] = [];
  const { store } = world.kit;
  const page = (cursor: string | undefined) =>
    cursor === undefined ? { limit: 500 } : { limit: 500, cursor };
  const payments = await all((c) => store.payments.list(page(c)));
  const invoices = await all((c) => store.invoices.list(page(c)));
  const subscriptions = await all((c) => store.subscriptions.list(page(c)));
  const subscriptionOwner = new Map(subscriptions.map((s) => [s.id, s.userId]));
  const invoiceOwner = new Map(invoices.map((i) => [i.id, i.userId]));
  const links = await all((c) => store.paymentLinks.list(page(c)));
  // A payment through a payment link belongs to the link's owner (invariants-payment-links.ts).
  for (const link of links) invoiceOwner.set(`link:${link.id}`, link.userId);

  for (const invoice of invoices) {
    const owner = model.invoices.get(invoice.id) ?? model.orders.get(invoice.orderId)?.owner;
    if (owner !== undefined && invoice.userId !== owner) {
      found.push(`(a) invoice ${invoice.id} belongs to ${invoice.userId}, created by ${owner}`);
    }
    if (invoice.status === 'draft') found.push(`(d) invoice ${invoice.id} left ${invoice.status}`);
  }
  for (const sub of subscriptions) {
    const owner = model.subscriptions.get(sub.id)?.owner;
    if (owner !== undefined && sub.userId !== owner) {
      found.push(`(a) subscription ${sub.id} (${sub.name}) belongs to ${sub.userId}, created by ${owner}`);
    }
    if (sub.status === 'created') found.push(`(d) subscription ${sub.id} (${sub.name}) left ${sub.status}`);
    if (sub.midtransSubscriptionId) found.push(...(await checkCharges(world, sub)));
  }
  for (const payment of payments) {
    found.push(...(await checkPayment(world, model, payment, subscriptionOwner, invoiceOwner)));
  }
  found.push(...(await checkGopayInvariants(world, model, payments)));
  return found;
}

async function checkPayment(
  world: World,
  model: Model,
  payment: Payment,
  subscriptionOwner: Map<string, string | null>,
  invoiceOwner: Map<string, string | null>,
): Promise<string[]> {
  const found: string[] = [];
  const { store } = world.kit;
  const id = payment.orderId;
  const order = model.orders.get(id);
  // (a) ownership: the creator, or the owner of the subscription or invoice that produced it.
  const owner = payment.subscriptionId
    ? subscriptionOwner.get(payment.subscriptionId)
    : payment.invoiceId
      ? invoiceOwner.get(payment.invoiceId)
      : payment.paymentLinkId
        ? invoiceOwner.get(`link:${payment.paymentLinkId}`)
        : order?.owner;
  if (owner === undefined) found.push(`(a) payment ${id} has no known creator (user ${payment.userId})`);
  else if (payment.userId !== owner)
    found.push(`(a) payment ${id} belongs to ${payment.userId}, not ${owner}`);
  if (payment.subscriptionId) {
    const sub = model.subscriptions.get(payment.subscriptionId);
    if (sub !== undefined && payment.userId !== sub.owner) {
      found.push(
        `(a) payment ${id} of ${sub.owner}'s subscription ${sub.name} is attributed to ${payment.userId}`,
      );
    }
  }

  // (b) money: refunded ≤ captured ≤ gross, and the same as Midtrans.
  const captured = payment.capturedAmount ?? payment.grossAmount;
  if (!(payment.refundedAmount <= captured && captured <= payment.grossAmount)) {
    found.push(
      `(b) payment ${id}: refunded ${payment.refundedAmount}, captured ${captured}, gross ${payment.grossAmount}`,
    );
  }
  if (order?.captured !== undefined && payment.status !== 'failed' && captured !== order.captured) {
    found.push(`(b) payment ${id}: ${order.captured} was captured at Midtrans, ${captured} stored`);
  }
  const refunds = await store.refunds.listByPayment(payment.id);
  const succeeded = refunds.filter((r) => r.status === 'succeeded').reduce((sum, r) => sum + r.amount, 0);
  if (succeeded !== payment.refundedAmount) {
    found.push(
      `(b) payment ${id}: refundedAmount ${payment.refundedAmount} but succeeded refunds sum to ${succeeded}`,
    );
  }
  const remote = world.sim.controls.transaction(id);
  if (remote === undefined) {
    // A Snap page nobody used has no transaction at Midtrans and ends expired (no notification).
    const unusedSnap = payment.snapToken !== null && payment.status === 'expired';
    if (payment.status !== 'failed' && !unusedSnap)
      found.push(`(b) payment ${id} is ${payment.status}; Midtrans has no transaction`);
  } else {
    // Compared as our status: Midtrans's capture → settlement of a paid card changes nothing here.
    const expected = toPaymentStatus(remote.transactionStatus, remote.fraudStatus);
    if (expected !== payment.status) {
      found.push(
        `(b) payment ${id}: stored ${payment.status} (${payment.transactionStatus}), Midtrans ${remote.transactionStatus} → ${expected}`,
      );
    }
    if (
      ['paid', 'partially_refunded', 'refunded'].includes(payment.status) &&
      remote.grossAmount !== captured
    ) {
      found.push(`(b) payment ${id}: charged ${captured} here, ${remote.grossAmount} at Midtrans`);
    }
    const remoteRefunded = Number.parseInt(String(remote.status.refund_amount ?? '0'), 10);
    if (remoteRefunded !== payment.refundedAmount) {
      found.push(`(b) payment ${id}: refunded ${payment.refundedAmount} here, ${remoteRefunded} at Midtrans`);
    }
  }

  // (c) history: each real transition once, ending where the payment is; paid reached the listener once.
  const history = await store.paymentEvents.listByPayment(payment.id);
  const seen = new Set<string>();
  for (const event of history) {
    if (event.fromStatus === event.toStatus && !REPEATABLE.has(event.toStatus))
      found.push(`(c) payment ${id}: no-op transition ${event.toStatus} recorded`);
    if (seen.has(event.toStatus) && !REPEATABLE.has(event.toStatus)) {
      found.push(`(c) payment ${id}: transition to ${event.toStatus} recorded twice`);
    }
    seen.add(event.toStatus);
  }
  const last = history.at(-1);
  if (last !== undefined && last.toStatus !== payment.status) {
    found.push(`(c) payment ${id}: history ends at ${last.toStatus}, payment is ${payment.status}`);
  }
  if (seen.has('paid')) {
    const ids = world.paid.get(payment.id);
    if (ids === undefined) found.push(`(c) payment ${id}: payment.paid never reached the listener`);
    else if (ids.size > 1) found.push(`(c) payment ${id}: payment.paid arrived under ${ids.size} event ids`);
  }

  // (d) nothing left open after the final reconcile.
  if (OPEN_PAYMENT.has(payment.status)) found.push(`(d) payment ${id} left ${payment.status}`);
  for (const r of refunds) {
    if (OPEN_REFUND.has(r.status)) found.push(`(d) refund ${r.refundKey} of ${id} left ${r.status}`);
  }
  return found;
}

/** (a) Every charge Midtrans made for a subscription is stored under that subscription and its owner. */
async function checkCharges(world: World, sub: Subscription): Promise<string[]> {
  const found: string[] = [];
  const remote = await world.kit.client.subscriptions.get(sub.midtransSubscriptionId ?? '');
  for (const transactionId of remote.transaction_ids ?? []) {
    const orderId = world.sim.controls.transaction(transactionId)?.orderId ?? '';
    const payment =
      (await world.kit.store.payments.findByTransactionId(transactionId)) ??
      (await world.kit.store.payments.findByOrderId(orderId));
    if (payment === undefined) {
      found.push(`(b) charge ${transactionId} of subscription ${sub.name} (${sub.userId}) has no payment`);
    } else if (payment.subscriptionId !== sub.id || payment.userId !== sub.userId) {
      found.push(
        `(a) charge ${payment.orderId} of ${sub.userId}'s subscription ${sub.name} is stored under subscription ${payment.subscriptionId} of ${payment.userId}`,
      );
    }
  }
  return found;
}
