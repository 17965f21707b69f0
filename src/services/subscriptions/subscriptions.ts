/**
 * SubscriptionService: the subscription methods of django-payment-midtrans (the Django package
 * midtrans-kit ports) in camelCase, one options object each.
 * Methods that take a subscription accept the record or a string (local id or Midtrans id); a
 * given record is refreshed in place. Each returns `{ subscription, response }`.
 * Subclass it and pass it as `createMidtrans({ services: { subscriptions: MySubscriptionService } })`.
 */

import type { Subscription } from '../../storage/records/subscription.js';
import type { WireSubscription, WireSubscriptionActionResponse } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import {
  findSubscription,
  refreshSubscription,
  runAction,
  runUpdate,
  type SubscriptionRef,
} from './subscription-actions.js';
import { resumeCreate, runCreateSubscription, type SubscriptionResult } from './subscription-flow.js';
import type { CreateSubscriptionOptions, UpdateSubscriptionOptions } from './subscription-input.js';
import { applySubscriptionObject } from './subscription-sync.js';

/** Creates and manages Midtrans subscriptions (recurring card or GoPay charges). */
export class SubscriptionService {
  /** @param ctx the kit's shared services. */
  constructor(protected readonly ctx: ServiceContext) {}

  /** Create a subscription. The record is written before Midtrans is called. */
  async createSubscription(options: CreateSubscriptionOptions): Promise<SubscriptionResult> {
    return runCreateSubscription(this.ctx, options);
  }

  /**
   * Fetch the subscription from Midtrans and update the record (status, schedule). A `created`
   * record whose create outcome is unknown is re-sent with its stored key while Midtrans still
   * deduplicates it (3 minutes); after that an InvalidStateError says to check the dashboard.
   */
  async getSubscriptionStatus(subscription: SubscriptionRef): Promise<SubscriptionResult> {
    const current = await findSubscription(this.ctx, subscription);
    const midtransId = current.midtransSubscriptionId;
    const result =
      midtransId === null
        ? await resumeCreate(this.ctx, current)
        : await this.refresh(current, await this.ctx.client.subscriptions.get(midtransId));
    refreshSubscription(subscription, result.subscription);
    return result;
  }

  /** Stop charging (active or inactive → disabled). */
  async disableSubscription(
    subscription: SubscriptionRef,
  ): Promise<SubscriptionResult<WireSubscriptionActionResponse>> {
    return runAction(this.ctx, subscription, 'disable');
  }

  /** Charge again from the next billing time (disabled or inactive → active). Not for cancelled ones. */
  async enableSubscription(
    subscription: SubscriptionRef,
  ): Promise<SubscriptionResult<WireSubscriptionActionResponse>> {
    return runAction(this.ctx, subscription, 'enable');
  }

  /** Stop for good, pending retries included (→ cancelled, final). */
  async cancelSubscription(
    subscription: SubscriptionRef,
  ): Promise<SubscriptionResult<WireSubscriptionActionResponse>> {
    return runAction(this.ctx, subscription, 'cancel');
  }

  /** Change name, amount or schedule (interval, a future start time); applies from the next charge. */
  async updateSubscription(
    subscription: SubscriptionRef,
    options: UpdateSubscriptionOptions,
  ): Promise<SubscriptionResult<WireSubscriptionActionResponse>> {
    return runUpdate(this.ctx, subscription, options);
  }

  /** The stored subscription (no Midtrans call). @throws NotFoundError */
  async getSubscription(subscription: SubscriptionRef): Promise<Subscription> {
    return findSubscription(this.ctx, subscription);
  }

  private async refresh(current: Subscription, response: WireSubscription): Promise<SubscriptionResult> {
    const subscription = await this.ctx.store.transaction(async (tx) => {
      const locked = (await tx.subscriptions.lockById(current.id)) ?? current;
      return applySubscriptionObject(tx, locked, response);
    });
    return { subscription, response };
  }
}
