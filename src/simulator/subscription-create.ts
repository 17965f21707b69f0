/** `POST /v1/subscriptions`: validate, honour the idempotency key (3 min), schedule the first charge. */
import type { JsonObject } from '../wire-types.js';
import type { SimContext } from './context.js';
import { begin, finish, idempotencyKey, replay, SUBSCRIPTION_IDEMPOTENCY_TTL_MS } from './idempotency.js';
import { isObject, numberAt, objectAt, stringAt } from './json.js';
import type { SimSubscription } from './records.js';
import type { SimRequest, SimResponse } from './router.js';
import { scheduleBilling } from './subscription-billing.js';
import { amountValid, invalid, NAME, readRetry, readStart } from './subscription-input.js';
import { addInterval } from './subscription-time.js';
import { recurringUrls, subscriptionView } from './subscriptions.js';

/** `POST /v1/subscriptions`. */
export function handleCreateSubscription(ctx: SimContext, req: SimRequest): SimResponse {
  const body: JsonObject = isObject(req.body) ? req.body : {};
  const now = ctx.clock.nowMs();
  const errors: string[] = [];
  const name = stringAt(body, 'name');
  const amount = stringAt(body, 'amount');
  const paymentType = stringAt(body, 'payment_type');
  const token = stringAt(body, 'token');
  const schedule = objectAt(body, 'schedule');
  if (!name) errors.push('subscription.name is required');
  else if (!NAME.test(name))
    errors.push('subscription.name may only contain alphanumeric, -, _, ~, . (max 40)');
  if (amount === undefined) errors.push('subscription.amount is required');
  else if (!amountValid(amount)) errors.push('subscription.amount must be between 0.01 - 99999999999.00');
  if (stringAt(body, 'currency') !== 'IDR') errors.push('subscription.currency must be IDR');
  if (paymentType !== 'credit_card' && paymentType !== 'gopay') {
    errors.push('subscription.payment_type must be credit_card or gopay');
  }
  if (!token) errors.push('subscription.token is required');
  const interval = numberAt(schedule, 'interval');
  const unit = stringAt(schedule, 'interval_unit');
  const max = schedule?.max_interval;
  if (!schedule) errors.push('subscription.schedule is required');
  if (interval === undefined || !Number.isInteger(interval) || interval < 1) {
    errors.push('subscription.schedule.interval must be a positive integer');
  }
  if (unit !== 'day' && unit !== 'week' && unit !== 'month') {
    errors.push('subscription.schedule.interval_unit must be day, week or month');
  }
  if (max !== undefined && max !== null && (typeof max !== 'number' || !Number.isInteger(max) || max < 0)) {
    errors.push('subscription.schedule.max_interval must be a non-negative integer');
  }
  const start = readStart(stringAt(schedule, 'start_time'), now, errors);
  const retry = readRetry(body.retry_schedule, errors);
  const gopay = objectAt(body, 'gopay');
  if (paymentType === 'gopay' && !stringAt(gopay, 'account_id'))
    errors.push('subscription.gopay.account_id is required');
  if (
    body.metadata !== undefined &&
    (!isObject(body.metadata) || JSON.stringify(body.metadata).length >= 1024)
  ) {
    errors.push('subscription.metadata must be a JSON object under 1 KB');
  }
  if (errors.length > 0 || !name || !amount || !token || !unit || interval === undefined)
    return invalid(errors);

  // Midtrans validates the body before looking at the idempotency key.
  const key = idempotencyKey(req.headers['idempotency-key']);
  if (key) {
    const stored = replay(ctx, key);
    if (stored) return stored;
    begin(ctx, key, SUBSCRIPTION_IDEMPOTENCY_TTL_MS);
  }
  const startTime = start ?? addInterval(now, interval, unit);
  const sub: SimSubscription = {
    id: ctx.ids.uuid(),
    name,
    amount,
    currency: 'IDR',
    paymentType: paymentType === 'gopay' ? 'gopay' : 'credit_card',
    token,
    interval,
    intervalUnit: unit,
    maxInterval: typeof max === 'number' ? max : max === null ? null : undefined,
    startTime,
    currentInterval: 0,
    previousExecutionAt: undefined,
    nextExecutionAt: startTime,
    retrySchedule: retry,
    status: 'active',
    metadata: isObject(body.metadata) ? body.metadata : undefined,
    customerDetails: objectAt(body, 'customer_details'),
    gopay,
    createdAt: now,
    transactionIds: [],
    retriesUsed: 0,
    task: undefined,
  };
  ctx.state.subscriptions.set(sub.id, sub);
  scheduleBilling(ctx, sub, startTime, startTime);
  const view = subscriptionView(sub, false);
  ctx.notifier.send({ kind: 'recurring', orderId: sub.id, urls: recurringUrls(ctx), payload: view });
  const response: SimResponse = { status: 200, body: view };
  if (key) finish(ctx, key, response, SUBSCRIPTION_IDEMPOTENCY_TTL_MS);
  return response;
}
