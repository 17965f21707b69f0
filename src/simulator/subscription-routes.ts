/** HTTP handlers of `/v1/subscriptions/{id}…` with the Subscriptions error shape (no `status_code`). */
import type { JsonObject } from '../wire-types.js';
import type { SimContext } from './context.js';
import { isObject, numberAt, objectAt, stringAt } from './json.js';
import type { SimSubscription } from './records.js';
import type { SimRequest, SimResponse } from './router.js';
import { scheduleBilling } from './subscription-billing.js';
import { amountValid, invalid, NAME, notFound, readRetry, readStart } from './subscription-input.js';
import { addInterval } from './subscription-time.js';
import { subscriptionView } from './subscriptions.js';

const UPDATED: SimResponse = { status: 200, body: { status_message: 'Subscription is updated.' } };

function withSubscription(
  ctx: SimContext,
  req: SimRequest,
  run: (sub: SimSubscription) => SimResponse,
): SimResponse {
  const sub = ctx.state.subscriptions.get(req.params[0] ?? '');
  return sub ? run(sub) : notFound();
}

/** `GET /v1/subscriptions/{id}`. */
export function handleGetSubscription(ctx: SimContext, req: SimRequest): SimResponse {
  return withSubscription(ctx, req, (sub) => ({ status: 200, body: subscriptionView(sub, true) }));
}

/** `POST /v1/subscriptions/{id}/disable`. */
export function handleDisableSubscription(ctx: SimContext, req: SimRequest): SimResponse {
  return withSubscription(ctx, req, (sub) => {
    sub.status = 'inactive';
    sub.task?.cancel();
    sub.task = undefined;
    return UPDATED;
  });
}

/** `POST /v1/subscriptions/{id}/cancel`: like disable, and pending retries are dropped. */
export function handleCancelSubscription(ctx: SimContext, req: SimRequest): SimResponse {
  return withSubscription(ctx, req, (sub) => {
    sub.status = 'inactive';
    sub.task?.cancel();
    sub.task = undefined;
    sub.retriesUsed = 0;
    return UPDATED;
  });
}

/** The first billing time at or after now, counting from the subscription's next (or start) time. */
function nextFuture(sub: SimSubscription, now: number): number {
  let at = sub.nextExecutionAt ?? sub.startTime;
  // Bounded: one step per missed interval while the subscription was inactive.
  while (at <= now) at = addInterval(at, sub.interval, sub.intervalUnit);
  return at;
}

/** `POST /v1/subscriptions/{id}/enable`. Missed billing times are skipped, not charged late. */
export function handleEnableSubscription(ctx: SimContext, req: SimRequest): SimResponse {
  return withSubscription(ctx, req, (sub) => {
    if (sub.status === 'active') return UPDATED;
    sub.status = 'active';
    sub.retriesUsed = 0;
    const next = nextFuture(sub, ctx.clock.nowMs());
    sub.nextExecutionAt = next;
    scheduleBilling(ctx, sub, next, next);
    return UPDATED;
  });
}

/** `PATCH /v1/subscriptions/{id}`: name, amount, token, schedule.interval (from the next run), retry schedule. */
export function handleUpdateSubscription(ctx: SimContext, req: SimRequest): SimResponse {
  return withSubscription(ctx, req, (sub) => {
    const body: JsonObject = isObject(req.body) ? req.body : {};
    const errors: string[] = [];
    const name = stringAt(body, 'name');
    const amount = stringAt(body, 'amount');
    const schedule = objectAt(body, 'schedule');
    if (name !== undefined && !NAME.test(name)) errors.push('subscription.name is invalid');
    if (amount !== undefined && !amountValid(amount))
      errors.push('subscription.amount must be between 0.01 - 99999999999.00');
    if (body.currency !== undefined && body.currency !== 'IDR')
      errors.push('subscription.currency must be IDR');
    if (body.payment_type !== undefined && body.payment_type !== sub.paymentType) {
      errors.push('subscription.payment_type cannot be updated');
    }
    const interval = numberAt(schedule, 'interval');
    if (interval !== undefined && (!Number.isInteger(interval) || interval < 1)) {
      errors.push('subscription.schedule.interval must be a positive integer');
    }
    if (schedule?.interval_unit !== undefined && schedule.interval_unit !== sub.intervalUnit) {
      errors.push('subscription.schedule.interval_unit cannot be updated');
    }
    if (schedule?.max_interval !== undefined && schedule.max_interval !== sub.maxInterval) {
      errors.push('subscription.schedule.max_interval cannot be updated');
    }
    const start = readStart(stringAt(schedule, 'start_time'), ctx.clock.nowMs(), errors);
    const retry = readRetry(body.retry_schedule, errors);
    if (errors.length > 0) return invalid(errors);
    if (name !== undefined) sub.name = name;
    if (amount !== undefined) sub.amount = amount;
    const token = stringAt(body, 'token');
    if (token) sub.token = token;
    if (interval !== undefined) sub.interval = interval;
    if (retry) sub.retrySchedule = retry;
    const gopay = objectAt(body, 'gopay');
    if (gopay) sub.gopay = gopay;
    if (start !== undefined) {
      // A new future start revives an inactive subscription.
      sub.startTime = start;
      sub.nextExecutionAt = start;
      sub.status = 'active';
      sub.retriesUsed = 0;
      scheduleBilling(ctx, sub, start, start);
    }
    return UPDATED;
  });
}
