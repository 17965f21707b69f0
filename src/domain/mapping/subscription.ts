/**
 * Subscription objects and recurring notifications. Their times are ISO-like
 * (`2025-02-01T09:00:00.000000`, GMT+7, or with `Z` for UTC); we write the GMT+7 form back.
 */

import { IntervalUnit, SubscriptionPaymentType, SubscriptionStatus } from '../../constants.js';
import type { WireSubscription, WireSubscriptionNotification } from '../../wire-types.js';
import type { MidtransSubscription, SubscriptionNotification } from '../types.js';
import {
  optArray,
  optInt,
  optObject,
  optString,
  optTime,
  reqAmount,
  reqInt,
  reqObject,
  reqOneOf,
  reqString,
  stringItem,
} from './read.js';
import {
  gopayAccountFromWire,
  maxIntervalFromWire,
  retryFromWire,
  retryToWire,
  subscriberFromWire,
  subscriberToWire,
  subscriptionAmountToWire,
} from './subscription-request.js';
import { compact, maybe, reqOutTime } from './write.js';

/** Format as the Subscriptions API does: `YYYY-MM-DDTHH:MM:SS.ffffff`, GMT+7 (microseconds from ms). */
function isoTime(date: Date | undefined, field: string): string | undefined {
  return maybe(date, (d) => {
    const millis = String(d.getUTCMilliseconds()).padStart(3, '0');
    return `${reqOutTime(d, field).replace(' ', 'T')}.${millis}000`;
  });
}

/** Read a subscription object (create or get response). */
export function fromWireSubscription(wire: WireSubscription): MidtransSubscription {
  return readSubscription(wire, '');
}

/** Read a subscription at `prefix` ('' at the top of a body, `subscription.` in a notification). */
function readSubscription(wire: WireSubscription, prefix: string): MidtransSubscription {
  const body = reqObject(wire, prefix === '' ? 'body' : prefix.slice(0, -1));
  const at = (key: string) => `${prefix}${key}`;
  const schedule = reqObject(body.schedule, at('schedule'));
  return compact({
    id: reqString(body.id, at('id')),
    name: reqString(body.name, at('name')),
    amount: reqAmount(body.amount, at('amount')),
    currency: reqString(body.currency, at('currency')),
    createdAt: optTime(body.created_at, at('created_at')),
    schedule: compact({
      interval: reqInt(schedule.interval, at('schedule.interval')),
      intervalUnit: reqOneOf(schedule.interval_unit, IntervalUnit, at('schedule.interval_unit')),
      maxInterval: maxIntervalFromWire(schedule.max_interval, at('schedule.max_interval')),
      currentInterval: optInt(schedule.current_interval, at('schedule.current_interval')),
      startTime: optTime(schedule.start_time, at('schedule.start_time')),
      previousExecutionAt: optTime(schedule.previous_execution_at, at('schedule.previous_execution_at')),
      nextExecutionAt: optTime(schedule.next_execution_at, at('schedule.next_execution_at')),
    }),
    retrySchedule: maybe(body.retry_schedule, (v) => retryFromWire(v, at('retry_schedule'))),
    status: reqOneOf(body.status, SubscriptionStatus, at('status')),
    token: reqString(body.token, at('token')),
    paymentType: reqOneOf(body.payment_type, SubscriptionPaymentType, at('payment_type')),
    transactionIds: optArray(body.transaction_ids, at('transaction_ids'), stringItem),
    metadata: optObject(body.metadata, at('metadata')),
    customerDetails: maybe(body.customer_details, (v) => subscriberFromWire(v, at('customer_details'))),
    gopayAccountId: gopayAccountFromWire(body.gopay, at('gopay')),
    merchantId: optString(body.merchant_id, at('merchant_id')),
  });
}

/** Write a subscription object (the simulator's side). */
export function toWireSubscription(subscription: MidtransSubscription): WireSubscription {
  const { schedule } = subscription;
  return compact({
    id: subscription.id,
    name: subscription.name,
    amount: subscriptionAmountToWire(subscription.amount),
    currency: subscription.currency,
    created_at: isoTime(subscription.createdAt, 'createdAt'),
    schedule: compact({
      interval: schedule.interval,
      interval_unit: schedule.intervalUnit,
      max_interval: schedule.maxInterval,
      current_interval: schedule.currentInterval,
      start_time: isoTime(schedule.startTime, 'schedule.startTime'),
      previous_execution_at: isoTime(schedule.previousExecutionAt, 'schedule.previousExecutionAt'),
      next_execution_at: isoTime(schedule.nextExecutionAt, 'schedule.nextExecutionAt'),
    }),
    retry_schedule: maybe(subscription.retrySchedule, retryToWire),
    status: subscription.status,
    token: subscription.token,
    payment_type: subscription.paymentType,
    transaction_ids: subscription.transactionIds?.slice(),
    metadata: subscription.metadata,
    customer_details: maybe(subscription.customerDetails, subscriberToWire),
    gopay: maybe(subscription.gopayAccountId, (id) => ({ account_id: id })),
    merchant_id: subscription.merchantId,
  });
}

/** Read a recurring notification. It carries no signature: confirm it with a GET before trusting it. */
export function fromWireSubscriptionNotification(
  wire: WireSubscriptionNotification,
): SubscriptionNotification {
  reqObject(wire, 'body');
  const transaction = maybe(wire.transaction, (v) => {
    const tx = reqObject(v, 'transaction');
    return compact({
      statusCode: reqString(tx.status_code, 'transaction.status_code'),
      statusMessage: optString(tx.status_message, 'transaction.status_message'),
      transactionStatus: optString(tx.transaction_status, 'transaction.transaction_status'),
      transactionId: optString(tx.transaction_id, 'transaction.transaction_id'),
      channelResponseCode: optString(tx.channel_response_code, 'transaction.channel_response_code'),
      channelResponseMessage: optString(tx.channel_response_message, 'transaction.channel_response_message'),
    });
  });
  return compact({
    eventName: optString(wire.event_name, 'event_name'),
    transaction,
    subscription: readSubscription(wire.subscription, 'subscription.'),
  });
}

/** Write a recurring notification (the simulator's side). */
export function toWireSubscriptionNotification(
  notification: SubscriptionNotification,
): WireSubscriptionNotification {
  return compact({
    event_name: notification.eventName,
    transaction: maybe(notification.transaction, (tx) =>
      compact({
        status_code: tx.statusCode,
        status_message: tx.statusMessage,
        transaction_status: tx.transactionStatus,
        transaction_id: tx.transactionId,
        channel_response_code: tx.channelResponseCode,
        channel_response_message: tx.channelResponseMessage,
      }),
    ),
    subscription: toWireSubscription(notification.subscription),
  });
}
