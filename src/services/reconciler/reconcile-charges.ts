/**
 * Subscription charges whose notification never arrived. Midtrans makes the charge's order id
 * itself, so a lost recurring notification leaves no record here at all, and the payment pass
 * cannot find what it does not know. A subscription whose next charge time has passed (or that
 * was not checked for `settledEvery`) is asked for its `transaction_ids`; each one with no payment here is read from its status and recorded
 * as that subscription's charge (by Midtrans's subscription id, never by name), raising
 * `subscription.charged` under the same id a late notification would use, so it counts once.
 */
import type { Subscription } from '../../storage/records/subscription.js';
import type { WireStatusResponse, WireSubscription } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { errorDetail } from '../core/logger.js';
import { isCharged } from '../notifications/subscription-charge.js';
import { lockOrCreatePayment } from '../payments/payment-origin.js';
import { amountMatches, applyTransaction } from '../payments/payment-sync.js';
import { subscriptionFields } from '../subscriptions/subscription-sync.js';

/** What a pass over due subscriptions did. */
export interface ChargeSweep {
  /** Subscriptions asked for their charges. */
  examined: number;
  /** Charges recorded that no notification had brought. */
  recovered: number;
  /** Subscriptions that could not be checked (tried again next run). */
  failed: number;
}

const BATCH = 100;

/**
 * Record the charges no notification brought, of subscriptions whose next charge time has passed,
 * and of every other one not checked for `settledEvery` ms (a lost notification of an earlier
 * charge hides behind a later one that did arrive).
 */
export async function reconcileCharges(ctx: ServiceContext, settledEvery: number): Promise<ChargeSweep> {
  const sweep: ChargeSweep = { examined: 0, recovered: 0, failed: 0 };
  const now = ctx.now().getTime();
  const page = await ctx.store.subscriptions.list({ status: ['active', 'inactive'], limit: BATCH });
  const due = page.items.filter(
    (s) =>
      s.midtransSubscriptionId !== null &&
      ((s.nextExecutionAt !== null && s.nextExecutionAt.getTime() <= now) ||
        s.updatedAt.getTime() <= now - settledEvery),
  );
  for (const subscription of due) {
    sweep.examined += 1;
    try {
      sweep.recovered += await recoverCharges(ctx, subscription);
    } catch (error) {
      sweep.failed += 1;
      ctx.logger.warn(
        { ...errorDetail(error), subscriptionId: subscription.id },
        'midtrans-kit: reconciler could not check a subscription',
      );
    }
  }
  return sweep;
}

async function recoverCharges(ctx: ServiceContext, local: Subscription): Promise<number> {
  const remote = await ctx.client.subscriptions.get(local.midtransSubscriptionId ?? '');
  let recovered = 0;
  for (const transactionId of remote.transaction_ids ?? []) {
    if ((await ctx.store.payments.findByTransactionId(transactionId)) !== undefined) continue;
    const truth = await ctx.client.core.status(transactionId);
    if (await record(ctx, local, remote, transactionId, truth)) recovered += 1;
  }
  // The schedule moves on either way, so the subscription is not due again until its next charge.
  await ctx.store.transaction(async (tx) => {
    const locked = await tx.subscriptions.lockById(local.id);
    if (locked !== undefined) await tx.subscriptions.update(locked.id, subscriptionFields(locked, remote));
  });
  return recovered;
}

async function record(
  ctx: ServiceContext,
  local: Subscription,
  remote: WireSubscription,
  transactionId: string,
  truth: WireStatusResponse,
): Promise<boolean> {
  const key = `${local.id}:charge:${transactionId}`;
  return ctx.store.transaction(async (tx) => {
    const locked = (await tx.subscriptions.lockById(local.id)) ?? local;
    // A notification recorded it meanwhile (same event id): nothing to add.
    if ((await tx.outbox.findByEventId(key)) !== undefined) return false;
    const found = await lockOrCreatePayment(ctx, tx, truth, { subscription: locked });
    if (found === undefined || found.subscriptionId !== locked.id || !amountMatches(found, truth)) {
      ctx.logger.warn(
        { orderId: truth.order_id, subscriptionId: local.id },
        'midtrans-kit: a subscription charge could not be attributed for certain; left for staff',
      );
      return false;
    }
    const { payment } = await applyTransaction(ctx, tx, found, truth, 'reconciler');
    const charged = isCharged(truth);
    const subscription = await tx.subscriptions.update(locked.id, {
      ...subscriptionFields(locked, remote),
      lastChargeAt: ctx.now(),
      lastChargeStatus: charged ? 'charged' : 'failed',
      lastTransactionId: transactionId,
      chargeCount: locked.chargeCount + (charged ? 1 : 0),
      failureCount: charged ? 0 : locked.failureCount + 1,
    });
    await ctx.events.enqueue(
      tx,
      charged ? 'subscription.charged' : 'subscription.charge_failed',
      {
        subscription,
        from: locked.status,
        source: 'reconciler',
        payment,
        transactionId,
        statusCode: truth.status_code,
        statusMessage: truth.status_message ?? null,
      },
      { idempotencyKey: key },
    );
    return true;
  });
}
