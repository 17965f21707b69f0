/**
 * Applying what Midtrans reports about a subscription (create/get responses, recurring
 * notifications) to its locked record, and the state events. Local statuses:
 * `created` (written, Midtrans's answer not known yet), `failed` (Midtrans refused the create),
 * `active`, `inactive` (Midtrans stopped it: charges or retries ran out), `disabled`, `cancelled`.
 * Midtrans knows only active/inactive, so `disabled` and `cancelled` are kept while it says
 * inactive; `cancelled` is final.
 */

import { fromWireSubscription } from '../../domain/mapping.js';
import { toJsonObject } from '../../storage/json.js';
import type { Subscription, SubscriptionPatch } from '../../storage/records/subscription.js';
import type { StoreTransaction } from '../../storage/store.js';
import type { WireSubscription } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import type { RecordEventSource } from '../events/event-types.js';

/** A local subscription status. */
export type SubscriptionStatus = 'created' | 'failed' | 'active' | 'inactive' | 'disabled' | 'cancelled';

/** State events, written by the action that caused them. */
export type SubscriptionStateEvent =
  | 'subscription.created'
  | 'subscription.disabled'
  | 'subscription.enabled'
  | 'subscription.cancelled'
  | 'subscription.updated';

/** The local status once Midtrans reports `remote` for a subscription now `current`. */
export function nextSubscriptionStatus(current: string, remote: string): string {
  if (current === 'cancelled') return current;
  if (remote === 'active') return 'active';
  return current === 'disabled' ? current : 'inactive';
}

/** The record fields a subscription object carries (status decided by `nextSubscriptionStatus`). */
export function subscriptionFields(current: Subscription, wire: WireSubscription): SubscriptionPatch {
  const read = fromWireSubscription(wire);
  const { schedule } = read;
  return {
    midtransSubscriptionId: current.midtransSubscriptionId ?? read.id,
    status: nextSubscriptionStatus(current.status, read.status),
    token: read.token,
    currentInterval: schedule.currentInterval ?? current.currentInterval,
    startTime: schedule.startTime ?? current.startTime,
    previousExecutionAt: schedule.previousExecutionAt ?? current.previousExecutionAt,
    nextExecutionAt: schedule.nextExecutionAt ?? null,
    response: toJsonObject(wire),
  };
}

/** Apply a subscription object to the locked record (no event: Midtrans-side changes have none). */
export function applySubscriptionObject(
  tx: StoreTransaction,
  locked: Subscription,
  wire: WireSubscription,
): Promise<Subscription> {
  return tx.subscriptions.update(locked.id, { ...subscriptionFields(locked, wire), lastError: null });
}

/** Write a state event for a committed change; its id is stable per change (the row's version). */
export async function enqueueStateEvent(
  ctx: ServiceContext,
  tx: StoreTransaction,
  type: SubscriptionStateEvent,
  subscription: Subscription,
  from: string | null,
  source: RecordEventSource,
): Promise<void> {
  await ctx.events.enqueue(
    tx,
    type,
    { subscription, from, source },
    { idempotencyKey: `${subscription.id}:${type}:${subscription.version}` },
  );
}
