/**
 * Subscription create and update requests. The wire `amount` is an integer-valued string ("99000")
 * and the currency is always IDR.
 */

import { CURRENCY, IntervalUnit, RetryIntervalUnit, SubscriptionPaymentType } from '../../constants.js';
import { ValidationError } from '../../errors.js';
import type {
  WireRetrySchedule,
  WireSubscriptionCreateRequest,
  WireSubscriptionUpdateRequest,
} from '../../wire-types.js';
import { assertAmount } from '../money.js';
import type {
  RetrySchedule,
  SubscriptionCreateRequest,
  SubscriptionCustomer,
  SubscriptionUpdateRequest,
} from '../types.js';
import { contactFromWire, contactToWire } from './contact.js';
import {
  optInt,
  optObject,
  optString,
  optTime,
  reqAmount,
  reqInt,
  reqObject,
  reqOneOf,
  reqString,
} from './read.js';
import { compact, maybe, outZonedTime } from './write.js';

/** Integer IDR as the Subscriptions API wants it: a string of digits. */
export function subscriptionAmountToWire(amount: number, field = 'amount'): string {
  return String(assertAmount(amount, field));
}

/** Check the currency is IDR; it is the only one Midtrans settles in. */
export function checkCurrency(value: unknown, field = 'currency'): 'IDR' {
  if (reqString(value, field) !== CURRENCY) throw new ValidationError({ field, reason: 'must be "IDR"' });
  return CURRENCY;
}

/** Retry schedule from the wire. */
export function retryFromWire(value: unknown, path = 'retry_schedule'): RetrySchedule {
  const wire = reqObject(value, path);
  return {
    interval: reqInt(wire.interval, `${path}.interval`),
    intervalUnit: reqOneOf(wire.interval_unit, RetryIntervalUnit, `${path}.interval_unit`),
    maxInterval: reqInt(wire.max_interval, `${path}.max_interval`),
  };
}

/** Retry schedule to the wire. */
export function retryToWire(retry: RetrySchedule): WireRetrySchedule {
  return { interval: retry.interval, interval_unit: retry.intervalUnit, max_interval: retry.maxInterval };
}

/** Subscription customer from the wire. */
export function subscriberFromWire(value: unknown, path = 'customer_details'): SubscriptionCustomer {
  return compact(contactFromWire(reqObject(value, path), path));
}

/** Subscription customer to the wire. */
export function subscriberToWire(
  customer: SubscriptionCustomer,
): WireSubscriptionCreateRequest['customer_details'] {
  return compact(contactToWire(customer));
}

/** `max_interval`: an integer, or `null` for "forever". */
export function maxIntervalFromWire(value: unknown, field: string): number | null | undefined {
  return value === null ? null : optInt(value, field);
}

/** `gopay.account_id`, when a `gopay` object is there. */
export function gopayAccountFromWire(value: unknown, path = 'gopay'): string | undefined {
  return maybe(value, (v) => reqString(reqObject(v, path).account_id, `${path}.account_id`));
}

/** Build a `POST /v1/subscriptions` body. */
export function toWireSubscriptionCreate(request: SubscriptionCreateRequest): WireSubscriptionCreateRequest {
  const { schedule } = request;
  return compact({
    name: request.name,
    amount: subscriptionAmountToWire(request.amount),
    currency: CURRENCY,
    payment_type: request.paymentType,
    token: request.token,
    schedule: compact({
      interval: schedule.interval,
      interval_unit: schedule.intervalUnit,
      max_interval: schedule.maxInterval,
      start_time: outZonedTime(schedule.startTime, 'schedule.startTime'),
    }),
    retry_schedule: maybe(request.retrySchedule, retryToWire),
    metadata: request.metadata,
    customer_details: maybe(request.customerDetails, subscriberToWire),
    gopay: maybe(request.gopayAccountId, (id) => ({ account_id: id })),
  });
}

/** Read a `POST /v1/subscriptions` body. */
export function fromWireSubscriptionCreate(wire: WireSubscriptionCreateRequest): SubscriptionCreateRequest {
  reqObject(wire, 'body');
  checkCurrency(wire.currency);
  const schedule = reqObject(wire.schedule, 'schedule');
  return compact({
    name: reqString(wire.name, 'name'),
    amount: reqAmount(wire.amount, 'amount', 1),
    paymentType: reqOneOf(wire.payment_type, SubscriptionPaymentType, 'payment_type'),
    token: reqString(wire.token, 'token'),
    schedule: compact({
      interval: reqInt(schedule.interval, 'schedule.interval'),
      intervalUnit: reqOneOf(schedule.interval_unit, IntervalUnit, 'schedule.interval_unit'),
      maxInterval: maxIntervalFromWire(schedule.max_interval, 'schedule.max_interval'),
      startTime: optTime(schedule.start_time, 'schedule.start_time'),
    }),
    retrySchedule: maybe(wire.retry_schedule, (v) => retryFromWire(v)),
    metadata: optObject(wire.metadata, 'metadata'),
    customerDetails: maybe(wire.customer_details, (v) => subscriberFromWire(v)),
    gopayAccountId: gopayAccountFromWire(wire.gopay),
  });
}

/** Build a `PATCH /v1/subscriptions/{id}` body; `currency` goes with `amount`. */
export function toWireSubscriptionUpdate(request: SubscriptionUpdateRequest): WireSubscriptionUpdateRequest {
  return compact({
    name: request.name,
    amount: maybe(request.amount, (amount) => subscriptionAmountToWire(amount)),
    currency: request.amount === undefined ? undefined : CURRENCY,
    token: request.token,
    schedule: maybe(request.schedule, (s) =>
      compact({ interval: s.interval, start_time: outZonedTime(s.startTime, 'schedule.startTime') }),
    ),
    retry_schedule: maybe(request.retrySchedule, retryToWire),
    gopay: maybe(request.gopayAccountId, (id) => ({ account_id: id })),
  });
}

/** Read a `PATCH /v1/subscriptions/{id}` body. */
export function fromWireSubscriptionUpdate(wire: WireSubscriptionUpdateRequest): SubscriptionUpdateRequest {
  reqObject(wire, 'body');
  maybe(wire.currency, (currency) => checkCurrency(currency));
  return compact({
    name: optString(wire.name, 'name'),
    amount: maybe(wire.amount, (amount) => reqAmount(amount, 'amount', 1)),
    token: optString(wire.token, 'token'),
    schedule: maybe(wire.schedule, (v) => {
      const schedule = reqObject(v, 'schedule');
      return compact({
        interval: optInt(schedule.interval, 'schedule.interval'),
        startTime: optTime(schedule.start_time, 'schedule.start_time'),
      });
    }),
    retrySchedule: maybe(wire.retry_schedule, (v) => retryFromWire(v)),
    gopayAccountId: gopayAccountFromWire(wire.gopay),
  });
}
