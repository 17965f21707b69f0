/** Validation of Subscriptions request fields, with the Subscriptions error shape. */
import { parseMidtransTime } from '../domain/wire-time.js';
import { isObject, numberAt, stringAt } from './json.js';
import type { SimSubscription } from './records.js';
import type { SimResponse } from './router.js';
import { subscriptionError } from './wire-errors.js';

/** Subscription names: alphanumeric plus `- _ ~ .`, at most 40. */
export const NAME = /^[A-Za-z0-9\-_~.]{1,40}$/;

/** 400 `Invalid parameter.` with messages. */
export const invalid = (messages: string[]): SimResponse =>
  subscriptionError(400, 'Invalid parameter.', messages);
/** 404 `Subscription doesn't exist.` */
export const notFound = (): SimResponse => subscriptionError(404, "Subscription doesn't exist.");

/** Read a future `schedule.start_time`. */
export function readStart(text: string | undefined, nowMs: number, errors: string[]): number | undefined {
  if (text === undefined) return undefined;
  try {
    const at = parseMidtransTime(text, 'schedule.start_time').getTime();
    if (at <= nowMs) errors.push('subscription.schedule.start_time must be in the future');
    return at;
  } catch {
    errors.push('subscription.schedule.start_time must be formatted as yyyy-MM-dd HH:mm:ss Z');
    return undefined;
  }
}

/** Read `retry_schedule` (interval, unit minute|hour|day, max_interval 0..3). */
export function readRetry(value: unknown, errors: string[]): SimSubscription['retrySchedule'] {
  if (value === undefined) return undefined;
  const retry = isObject(value) ? value : {};
  const interval = numberAt(retry, 'interval');
  const unit = stringAt(retry, 'interval_unit');
  const max = numberAt(retry, 'max_interval');
  if (interval === undefined || !Number.isInteger(interval) || interval < 1) {
    errors.push('subscription.retry_schedule.interval must be a positive integer');
  }
  if (unit !== 'minute' && unit !== 'hour' && unit !== 'day') {
    errors.push('subscription.retry_schedule.interval_unit must be minute, hour or day');
  }
  if (max === undefined || !Number.isInteger(max) || max < 0 || max > 3) {
    errors.push('subscription.retry_schedule.max_interval must be between 0 and 3');
  }
  if (interval === undefined || unit === undefined || max === undefined) return undefined;
  return { interval, interval_unit: unit, max_interval: max };
}

/** `amount`: an integer-valued string between 0.01 and 99999999999.00. */
export function amountValid(amount: string | undefined): boolean {
  return (
    amount !== undefined &&
    /^\d+(\.\d{1,2})?$/.test(amount) &&
    Number(amount) >= 0.01 &&
    Number(amount) <= 99_999_999_999
  );
}
