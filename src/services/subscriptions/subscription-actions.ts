/**
 * Disable, enable, cancel and update: check locally that the change makes sense (an
 * InvalidStateError, with nothing sent or written, instead of a confusing Midtrans answer), call
 * Midtrans, then record the change and its event in one transaction with the row locked.
 */

import { toWireSubscriptionUpdate } from '../../domain/mapping.js';
import { InvalidStateError, NotFoundError } from '../../errors.js';
import type { Subscription, SubscriptionPatch } from '../../storage/records/subscription.js';
import type { WireSubscriptionActionResponse } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import type { SubscriptionResult } from './subscription-flow.js';
import { assertUpdateInput, type UpdateSubscriptionOptions } from './subscription-input.js';
import { enqueueStateEvent, type SubscriptionStateEvent } from './subscription-sync.js';

/** A subscription record, or its local id or Midtrans subscription id. */
export type SubscriptionRef = Subscription | string;

/** The four changes a host makes to a subscription. */
export type SubscriptionAction = 'disable' | 'enable' | 'cancel' | 'update';

const ALLOWED_FROM: Readonly<Record<SubscriptionAction, readonly string[]>> = {
  disable: ['active', 'inactive'],
  enable: ['disabled', 'inactive'],
  cancel: ['active', 'inactive', 'disabled'],
  update: ['active', 'inactive', 'disabled'],
};

const EVENT_OF: Readonly<Record<SubscriptionAction, SubscriptionStateEvent>> = {
  disable: 'subscription.disabled',
  enable: 'subscription.enabled',
  cancel: 'subscription.cancelled',
  update: 'subscription.updated',
};

/** The stored subscription a caller means. @throws NotFoundError */
export async function findSubscription(ctx: ServiceContext, ref: SubscriptionRef): Promise<Subscription> {
  const key = typeof ref === 'string' ? ref : ref.id;
  const found =
    (await ctx.store.subscriptions.findById(key)) ??
    (typeof ref === 'string' ? await ctx.store.subscriptions.findByMidtransId(key) : undefined);
  if (found === undefined) throw new NotFoundError(`No subscription "${key}"`);
  return found;
}

/** Copy a fresh record onto the caller's object. */
export function refreshSubscription(ref: SubscriptionRef, subscription: Subscription): void {
  if (typeof ref !== 'string') Object.assign(ref, subscription);
}

/** Run disable, enable or cancel. */
export function runAction(
  ctx: ServiceContext,
  ref: SubscriptionRef,
  action: 'disable' | 'enable' | 'cancel',
): Promise<SubscriptionResult<WireSubscriptionActionResponse>> {
  const to = { disable: 'disabled', enable: 'active', cancel: 'cancelled' }[action];
  return change(ctx, ref, action, (id) => ctx.client.subscriptions[action](id), { status: to });
}

/** Run update: name, amount, schedule (interval, future start time). */
export function runUpdate(
  ctx: ServiceContext,
  ref: SubscriptionRef,
  options: UpdateSubscriptionOptions,
): Promise<SubscriptionResult<WireSubscriptionActionResponse>> {
  assertUpdateInput(options, ctx.now());
  const { name, amount, schedule } = options;
  const body = toWireSubscriptionUpdate({
    ...(name === undefined ? {} : { name }),
    ...(amount === undefined ? {} : { amount }),
    ...(schedule === undefined ? {} : { schedule: { ...schedule } }),
  });
  const patch = (current: Subscription): SubscriptionPatch => ({
    ...(name === undefined ? {} : { name }),
    ...(amount === undefined ? {} : { amount }),
    ...(schedule?.interval === undefined ? {} : { interval: schedule.interval }),
    // A future start time revives an inactive subscription (docs/midtrans-wire.md §8).
    ...(schedule?.startTime === undefined
      ? {}
      : {
          startTime: schedule.startTime,
          nextExecutionAt: schedule.startTime,
          ...(current.status === 'inactive' ? { status: 'active' } : {}),
        }),
  });
  return change(ctx, ref, 'update', (id) => ctx.client.subscriptions.update(id, body), patch);
}

async function change(
  ctx: ServiceContext,
  ref: SubscriptionRef,
  action: SubscriptionAction,
  call: (midtransId: string) => Promise<WireSubscriptionActionResponse>,
  patch: SubscriptionPatch | ((current: Subscription) => SubscriptionPatch),
): Promise<SubscriptionResult<WireSubscriptionActionResponse>> {
  const current = await findSubscription(ctx, ref);
  const midtransId = assertAllowed(action, current);
  const response = await call(midtransId);
  const subscription = await ctx.store.transaction(async (tx) => {
    const locked = (await tx.subscriptions.lockById(current.id)) ?? current;
    const fields = typeof patch === 'function' ? patch(locked) : patch;
    const updated = await tx.subscriptions.update(locked.id, { ...fields, lastError: null });
    await enqueueStateEvent(ctx, tx, EVENT_OF[action], updated, locked.status, 'api');
    return updated;
  });
  refreshSubscription(ref, subscription);
  return { subscription, response };
}

/** @returns the Midtrans id. @throws InvalidStateError when `action` makes no sense in this state. */
function assertAllowed(action: SubscriptionAction, subscription: Subscription): string {
  const id = subscription.midtransSubscriptionId;
  if (id === null || !ALLOWED_FROM[action].includes(subscription.status)) {
    throw new InvalidStateError(
      action,
      subscription.status,
      `Cannot ${action} subscription "${subscription.name}": it is ${subscription.status}`,
    );
  }
  return id;
}
