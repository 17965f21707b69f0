/**
 * The Subscriptions API (docs/midtrans-wire.md §8): create, get, enable, disable, cancel, update.
 * Billing runs on the simulator clock: each time it passes `next_execution_at` a transaction is
 * charged with the subscription's token and a recurring notification is sent; failures are retried
 * on the `retry_schedule`, and the subscription turns inactive once retries or intervals run out.
 */
import type { JsonObject } from '../wire-types.js';
import type { SimContext } from './context.js';
import type { SimSubscription } from './records.js';
import { formatSubscriptionTime, formatSubscriptionUtc } from './subscription-time.js';

/** The subscription object of create (`withProgress: false`) and get responses. */
export function subscriptionView(sub: SimSubscription, withProgress: boolean): JsonObject {
  const schedule: JsonObject = { interval: sub.interval, interval_unit: sub.intervalUnit };
  if (sub.maxInterval !== undefined) schedule.max_interval = sub.maxInterval;
  if (withProgress) schedule.current_interval = sub.currentInterval;
  schedule.start_time = formatSubscriptionTime(sub.startTime);
  if (withProgress && sub.previousExecutionAt !== undefined) {
    schedule.previous_execution_at = formatSubscriptionTime(sub.previousExecutionAt);
  }
  if (sub.nextExecutionAt !== undefined)
    schedule.next_execution_at = formatSubscriptionTime(sub.nextExecutionAt);
  const out: JsonObject = {
    id: sub.id,
    name: sub.name,
    amount: sub.amount,
    currency: sub.currency,
    created_at: formatSubscriptionTime(sub.createdAt),
    schedule,
  };
  if (sub.retrySchedule) out.retry_schedule = { ...sub.retrySchedule };
  out.status = sub.status;
  out.token = sub.token;
  out.payment_type = sub.paymentType;
  if (withProgress) out.transaction_ids = sub.transactionIds.slice();
  if (sub.metadata) out.metadata = sub.metadata;
  if (sub.customerDetails) out.customer_details = sub.customerDetails;
  if (sub.gopay) out.gopay = sub.gopay;
  return out;
}

/** The `subscription` part of a recurring notification (times in UTC, as the samples show). */
export function subscriptionNotificationView(ctx: SimContext, sub: SimSubscription): JsonObject {
  const schedule: JsonObject = {
    start_time: formatSubscriptionUtc(sub.startTime),
    interval_unit: sub.intervalUnit,
    interval: sub.interval,
    current_interval: sub.currentInterval,
  };
  if (sub.nextExecutionAt !== undefined)
    schedule.next_execution_at = formatSubscriptionUtc(sub.nextExecutionAt);
  const out: JsonObject = {
    token: sub.token,
    status: sub.status,
    schedule,
    payment_type: sub.paymentType,
    name: sub.name,
  };
  if (sub.metadata) out.metadata = sub.metadata;
  out.merchant_id = ctx.options.merchantId;
  out.id = sub.id;
  if (sub.customerDetails) out.customer_details = sub.customerDetails;
  out.currency = sub.currency;
  out.amount = sub.amount;
  return out;
}

/** Total charges a subscription makes, or Infinity. */
export function chargeLimit(sub: SimSubscription): number {
  if (sub.maxInterval === null || sub.maxInterval === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(sub.maxInterval, 1);
}

/** Recurring notification URLs. */
export function recurringUrls(ctx: SimContext): string[] {
  const url = ctx.options.recurringNotificationUrl ?? ctx.options.notificationUrl;
  return url ? [url] : [];
}
