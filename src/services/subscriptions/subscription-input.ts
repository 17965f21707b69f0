/**
 * The input of `createSubscription` / `updateSubscription` and its validation against what the
 * Subscriptions API allows (docs/midtrans-wire.md §8): every problem at once, camelCase field names,
 * before anything is written or sent.
 */
import type { JsonObject, SubscriptionCustomer } from '../../domain/types.js';
import { type FieldIssue, ValidationError } from '../../errors.js';
import { SUBSCRIPTION_METADATA_MAX_BYTES } from '../../limits.js';
import type { KitUser } from '../core/hooks.js';
import { metadataIssues, ownerIssues } from '../core/input-schema.js';
import { subscriptionInputCheck, subscriptionUpdateCheck } from './subscription-schema.js';

/**
 * Options of `createSubscription` (django-payment-midtrans's `create_subscription`, camelCase, same
 * defaults).
 */
export interface CreateSubscriptionOptions {
  /** ≤ 40 of `A-Za-z0-9-_~.`; Midtrans names each charge's order `<name><32 digits>`. */
  name: string;
  /** Amount per charge, whole Rupiah (1 – 99,999,999,999). */
  amount: number;
  /** `credit_card` or `gopay`. */
  paymentType: 'credit_card' | 'gopay';
  /** Card: the `saved_token_id` of a one-click charge (required). GoPay: the pay-account option token (default: the account's GoPay wallet token, fetched). */
  token?: string;
  /** Charge every `interval` units (default 1). */
  interval?: number;
  /** `day`, `week` or `month` (default `month`). */
  intervalUnit?: 'day' | 'week' | 'month';
  /** Number of charges (default 12); `null` for no end. */
  maxInterval?: number | null;
  /** First charge, in the future (default: Midtrans's now + one interval). */
  startTime?: Date;
  /** Retry a failed charge after this many units (default 1). */
  retryInterval?: number;
  /** `minute`, `hour` or `day` (default `day`). */
  retryIntervalUnit?: 'minute' | 'hour' | 'day';
  /** Retries per failed charge, 0–3 (default 3). */
  retryMaxInterval?: number;
  /** Contact details sent to Midtrans. */
  customerDetails?: SubscriptionCustomer;
  /** GoPay account id (required for `gopay`). */
  gopayAccountId?: string;
  /** Owner of the subscription. */
  user?: KitUser;
  /** Free-form metadata (< 1 KB as JSON), stored and sent. */
  metadata?: JsonObject;
}

/** Options of `updateSubscription`; changes apply from the next charge. */
export interface UpdateSubscriptionOptions {
  /** New name (future charges' order ids use it). */
  name?: string;
  /** New amount per charge. */
  amount?: number;
  /** New interval, and/or a future start time (which also revives an inactive subscription). */
  schedule?: { interval?: number; startTime?: Date };
}

/**
 * @throws ValidationError listing every problem of `input`: the schema's (subscription-schema.ts,
 * the same rule as `POST /subscriptions`) and what it cannot say, checked against `now`.
 */
export function assertSubscriptionInput(
  input: unknown,
  now: Date,
): asserts input is CreateSubscriptionOptions {
  const issues = subscriptionInputCheck.issues(input);
  if (subscriptionInputCheck.is(input)) {
    const add = (field: string, reason: string) => issues.push({ field, reason });
    if (input.paymentType === 'credit_card' && input.token === undefined) {
      add('token', 'is required for credit_card (the saved_token_id of a one-click charge)');
    }
    if (input.paymentType === 'gopay' && input.gopayAccountId === undefined) {
      add('gopayAccountId', 'is required for gopay');
    }
    if (input.paymentType === 'credit_card' && input.gopayAccountId !== undefined) {
      add('gopayAccountId', 'is only for gopay');
    }
    issues.push(...startIssues(input.startTime, 'startTime', now));
    issues.push(...metadataIssues(input.metadata, SUBSCRIPTION_METADATA_MAX_BYTES));
    issues.push(...ownerIssues(input.user));
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** @throws ValidationError listing every problem of an update. */
export function assertUpdateInput(input: unknown, now: Date): asserts input is UpdateSubscriptionOptions {
  const issues = subscriptionUpdateCheck.issues(input, 'options');
  if (subscriptionUpdateCheck.is(input)) {
    if (Object.values(input).every((value) => value === undefined)) {
      issues.push({ field: 'options', reason: 'must change at least one of name, amount, schedule' });
    }
    const schedule = input.schedule;
    if (schedule !== undefined && schedule.interval === undefined && schedule.startTime === undefined) {
      issues.push({ field: 'schedule', reason: 'must change at least one of interval, startTime' });
    }
    issues.push(...startIssues(schedule?.startTime, 'schedule.startTime', now));
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

function startIssues(value: Date | undefined, field: string, now: Date): FieldIssue[] {
  return value !== undefined && value.getTime() <= now.getTime()
    ? [{ field, reason: 'must be in the future' }]
    : [];
}
