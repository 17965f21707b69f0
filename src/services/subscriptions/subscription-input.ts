/**
 * The input of `createSubscription` / `updateSubscription` and its validation against what the
 * Subscriptions API allows (docs/midtrans-wire.md §8): every problem at once, camelCase field names,
 * before anything is written or sent.
 */
import type { JsonObject, SubscriptionCustomer } from '../../domain/types.js';
import { type FieldIssue, ValidationError } from '../../errors.js';
import type { KitUser } from '../core/hooks.js';

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

type Add = (field: string, reason: string) => void;

const NAME = /^[A-Za-z0-9\-_~.]{1,40}$/;
const MAX_AMOUNT = 99_999_999_999;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** @throws ValidationError listing every problem of `input`, checked against `now`. */
export function assertSubscriptionInput(input: CreateSubscriptionOptions, now: Date): void {
  const issues: FieldIssue[] = [];
  const add: Add = (field, reason) => issues.push({ field, reason });
  nameIssue(input.name, add);
  amountIssue(input.amount, add);
  if (input.paymentType !== 'credit_card' && input.paymentType !== 'gopay') {
    add('paymentType', 'must be "credit_card" or "gopay"');
  }
  if (input.token !== undefined && !nonEmpty(input.token)) add('token', 'must be a non-empty string');
  if (input.paymentType === 'credit_card' && input.token === undefined) {
    add('token', 'is required for credit_card (the saved_token_id of a one-click charge)');
  }
  if (input.paymentType === 'gopay' && !nonEmpty(input.gopayAccountId)) {
    add('gopayAccountId', 'is required for gopay');
  }
  if (input.paymentType === 'credit_card' && input.gopayAccountId !== undefined) {
    add('gopayAccountId', 'is only for gopay');
  }
  whole(input.interval, 'interval', 1, 1000, add);
  oneOf(input.intervalUnit, 'intervalUnit', ['day', 'week', 'month'], add);
  if (input.maxInterval !== null) whole(input.maxInterval, 'maxInterval', 0, 10_000, add);
  startIssue(input.startTime, 'startTime', now, add);
  whole(input.retryInterval, 'retryInterval', 1, 1000, add);
  oneOf(input.retryIntervalUnit, 'retryIntervalUnit', ['minute', 'hour', 'day'], add);
  whole(input.retryMaxInterval, 'retryMaxInterval', 0, 3, add);
  customerIssues(input.customerDetails, add);
  if (input.metadata !== undefined) {
    if (!isPlainObject(input.metadata)) add('metadata', 'must be an object');
    else if (Buffer.byteLength(JSON.stringify(input.metadata)) >= 1024) add('metadata', 'must be under 1 KB');
  }
  if (input.user !== undefined && !['string', 'number'].includes(typeof input.user.id)) {
    add('user.id', 'must be a string or a number');
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** @throws ValidationError listing every problem of an update. */
export function assertUpdateInput(input: UpdateSubscriptionOptions, now: Date): void {
  const issues: FieldIssue[] = [];
  const add: Add = (field, reason) => issues.push({ field, reason });
  if (!isPlainObject(input) || Object.values(input).every((value) => value === undefined)) {
    add('options', 'must change at least one of name, amount, schedule');
  } else {
    if (input.name !== undefined) nameIssue(input.name, add);
    if (input.amount !== undefined) amountIssue(input.amount, add);
    if (input.schedule !== undefined) {
      if (!isPlainObject(input.schedule)) add('schedule', 'must be an object');
      else {
        whole(input.schedule.interval, 'schedule.interval', 1, 1000, add);
        startIssue(input.schedule.startTime, 'schedule.startTime', now, add);
        const extra = Object.keys(input.schedule).filter((key) => key !== 'interval' && key !== 'startTime');
        for (const key of extra)
          add(`schedule.${key}`, 'cannot be changed (Midtrans allows interval and startTime)');
      }
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

function nameIssue(name: unknown, add: Add): void {
  if (typeof name !== 'string' || !NAME.test(name))
    add('name', 'must be 1–40 characters of A-Z a-z 0-9 - _ ~ .');
}

function amountIssue(amount: unknown, add: Add): void {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1 || amount > MAX_AMOUNT) {
    add('amount', `must be a whole number of Rupiah from 1 to ${MAX_AMOUNT}`);
  }
}

function whole(value: unknown, field: string, min: number, max: number, add: Add): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    add(field, `must be a whole number from ${min} to ${max}`);
  }
}

function oneOf(value: unknown, field: string, allowed: readonly string[], add: Add): void {
  if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value))) {
    add(field, `must be one of ${allowed.join(', ')}`);
  }
}

function startIssue(value: unknown, field: string, now: Date, add: Add): void {
  if (value === undefined) return;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) add(field, 'must be a Date');
  else if (value.getTime() <= now.getTime()) add(field, 'must be in the future');
}

function customerIssues(customer: unknown, add: Add): void {
  if (customer === undefined) return;
  if (!isPlainObject(customer)) {
    add('customerDetails', 'must be an object');
    return;
  }
  for (const key of ['firstName', 'lastName', 'email', 'phone']) {
    const value = customer[key];
    if (value !== undefined && typeof value !== 'string') add(`customerDetails.${key}`, 'must be a string');
  }
  if (typeof customer.email === 'string' && !EMAIL.test(customer.email)) {
    add('customerDetails.email', 'must be an email address');
  }
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
