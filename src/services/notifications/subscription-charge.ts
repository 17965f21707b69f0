/**
 * Recurring notifications (`{ transaction, subscription, event_name: "subscription.charge" }`).
 * They carry no signature, so nothing in them is taken on trust: the subscription is confirmed
 * with `GET /v1/subscriptions/{id}` (skipped with `trustSignature`), and a charge that created a
 * transaction with `GET /v2/{transaction_id}/status` — always, since only that answer names the
 * charge's order. The charge belongs to the subscription Midtrans's id names (`subscription.id`),
 * never to one found by name; a successful charge must also be among the `transaction_ids` that
 * GET answers, or the delivery is refused rather than guessed. Then, in one transaction with the
 * subscription row locked: the charge's payment is created or updated (linked to the
 * subscription), the subscription's schedule, status, last charge and failure count are written,
 * and `subscription.charged` / `subscription.charge_failed` is raised under an id unique to the
 * charge, which is also how a repeated delivery is recognised.
 */
import { createHash } from 'node:crypto';
import { toPaymentStatus } from '../../domain/status.js';
import type { Notification } from '../../storage/records/notification.js';
import type { Payment } from '../../storage/records/payment.js';
import type { WireStatusResponse, WireSubscription } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { lockOrCreatePayment } from '../payments/payment-origin.js';
import { amountMatches, applyTransaction } from '../payments/payment-sync.js';
import { subscriptionFields } from '../subscriptions/subscription-sync.js';
import { type AppliedDelivery, recordOutcome, reject } from './notification-record.js';

/** A recurring body, as parsed (unknown shapes are checked here). */
export type RecurringBody = Record<string, unknown>;

/** Decide a stored recurring delivery. Throws only for failures worth a retry by Midtrans. */
export async function applyRecurring(
  ctx: ServiceContext,
  stored: Notification,
  body: RecurringBody,
  trust: boolean,
): Promise<AppliedDelivery> {
  const remoteBody = record(body.subscription);
  const midtransId = typeof remoteBody?.id === 'string' ? remoteBody.id : undefined;
  // The subscription object sent on creation repeats what the create call answered.
  if (body.event_name !== 'subscription.charge' || midtransId === undefined) {
    return { verdict: 'ignored', notification: await recordOutcome(ctx, ctx.store, stored, 'ignored') };
  }
  const local = await ctx.store.subscriptions.findByMidtransId(midtransId);
  if (local === undefined) {
    const error = `no subscription with Midtrans id "${midtransId}"`;
    return reject(ctx, stored, 'unknown_order', { error });
  }
  const charge = record(body.transaction) ?? {};
  const transactionId = typeof charge.transaction_id === 'string' ? charge.transaction_id : undefined;
  const remote = trust
    ? (remoteBody as unknown as WireSubscription)
    : await ctx.client.subscriptions.get(midtransId);
  const truth = transactionId === undefined ? undefined : await ctx.client.core.status(transactionId);
  const charged = truth !== undefined && isCharged(truth);
  if (charged && !trust && !remote.transaction_ids?.includes(transactionId ?? '')) {
    const error = `transaction "${String(transactionId)}" is not a charge of subscription "${midtransId}"`;
    return reject(ctx, stored, 'unknown_order', { error });
  }
  const statusCode = typeof charge.status_code === 'string' ? charge.status_code : null;
  const message = text(charge.status_message) ?? text(charge.channel_response_message);
  const key = `${local.id}:charge:${transactionId ?? digest(stored.rawBody)}`;

  return ctx.store.transaction(async (tx) => {
    const locked = (await tx.subscriptions.lockById(local.id)) ?? local;
    if ((await tx.outbox.findByEventId(key)) !== undefined) {
      return {
        verdict: 'duplicate' as const,
        notification: await recordOutcome(ctx, tx, stored, 'duplicate'),
      };
    }
    let payment: Payment | null = null;
    if (truth !== undefined) {
      const found = await lockOrCreatePayment(ctx, tx, truth, { subscription: locked });
      if (found !== undefined && found.subscriptionId !== locked.id) {
        // A payment of this order that is not this subscription's (a host's own charge, or a row
        // attributed before attribution was by id): never re-owned, never settled from here.
        ctx.logger.warn(
          { orderId: found.orderId, subscriptionId: local.id },
          'midtrans-kit: subscription charge matches a payment of another owner; payment left unchanged',
        );
      } else if (found !== undefined && amountMatches(found, truth)) {
        const applied = await applyTransaction(ctx, tx, found, truth, 'notification', {
          notificationId: stored.id,
        });
        payment = applied.payment;
      } else if (found !== undefined) {
        ctx.logger.warn(
          { orderId: found.orderId, subscriptionId: local.id },
          'midtrans-kit: subscription charge amount differs from its payment; payment left unchanged',
        );
        payment = found;
      }
    }
    const subscription = await tx.subscriptions.update(locked.id, {
      ...subscriptionFields(locked, remote),
      lastChargeAt: ctx.now(),
      lastChargeStatus: charged ? 'charged' : 'failed',
      lastTransactionId: transactionId ?? locked.lastTransactionId,
      chargeCount: locked.chargeCount + (charged ? 1 : 0),
      failureCount: charged ? 0 : locked.failureCount + 1,
      lastError: charged ? null : (message ?? `charge failed (status_code ${String(statusCode)})`),
    });
    await ctx.events.enqueue(
      tx,
      charged ? 'subscription.charged' : 'subscription.charge_failed',
      {
        subscription,
        from: locked.status,
        source: 'notification',
        payment,
        transactionId: transactionId ?? null,
        statusCode,
        statusMessage: message,
      },
      { idempotencyKey: key },
    );
    const notification = await recordOutcome(ctx, tx, stored, 'applied', {
      paymentId: payment?.id ?? null,
      error: null,
    });
    return { verdict: 'applied' as const, notification };
  });
}

/** Whether Midtrans's status says the charge took the money (settlement, or an accepted card capture). */
export function isCharged(truth: WireStatusResponse): boolean {
  try {
    return toPaymentStatus(String(truth.transaction_status), truth.fraud_status) === 'paid';
  } catch {
    return false;
  }
}

function digest(raw: string): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 32);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
