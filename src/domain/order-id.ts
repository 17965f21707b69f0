/**
 * Order ids: generated time-sortable and collision-safe, and validated against Midtrans's limits
 * (docs/midtrans-wire.md §12: at most 50 characters, 36 on the Invoicing API; letters, digits, `- _ ~ .`).
 * No I/O: the clock and the random source are injectable so tests are deterministic.
 */
import { randomBytes } from 'node:crypto';
import { INVOICE_ORDER_ID_MAX_LENGTH, ORDER_ID_MAX_LENGTH } from '../constants.js';
import { ValidationError } from '../errors.js';

const BAD_CHARACTER = /[^A-Za-z0-9\-_~.]/u;
// Nine base-36 digits hold every millisecond until the year 5188, so the width never changes and
// string order is time order.
const TIME_DIGITS = 9;
const MAX_TIME = 36 ** TIME_DIGITS;
// 64 random bits need thirteen base-36 digits (36^12 < 2^64 < 36^13).
const RANDOM_BYTES = 8;
const RANDOM_DIGITS = 13;
/** Length of the generated part that follows the prefix and its dash: time, dash, random (23). */
export const ORDER_ID_SUFFIX_LENGTH = TIME_DIGITS + 1 + RANDOM_DIGITS;

/** Options of `generateOrderId`. */
export interface GenerateOrderIdOptions {
  /** Leading text, joined with a dash; `''` for none. Same alphabet as an order id. Default `ORDER`. */
  prefix?: string;
  /** Creation time in milliseconds since the epoch. Default `Date.now()`. */
  now?: number;
  /** Source of random bytes; must return at least `size` bytes. Default `crypto.randomBytes`. */
  random?: (size: number) => Uint8Array;
  /** Longest id allowed; capped at 50. Pass `INVOICE_ORDER_ID_MAX_LENGTH` (36) for the Invoicing API. */
  maxLength?: number;
}

/**
 * A new order id: `<prefix>-<time>-<random>`, e.g. `ORDER-0M5XDIF40-1Z8F0K2L9QW3B` (2025-01-15).
 * `<time>` is the creation millisecond as nine upper-case base-36 digits, so ids with one prefix sort
 * in creation order (ids made in the same millisecond sort randomly among themselves); `<random>` is
 * 64 bits from the random source. Only the generated part is upper-cased; a non-empty prefix may use
 * at most `maxLength - 24` characters (26 for Core API and Snap, 12 for Invoicing).
 * @throws ValidationError field `orderIdPrefix` for a prefix with bad characters or too long to fit;
 *   field `now` for a time that is not an integer millisecond between 1970 and 5188.
 */
export function generateOrderId(options: GenerateOrderIdOptions = {}): string {
  const { prefix = 'ORDER', now = Date.now(), random = randomBytes } = options;
  const limit = Math.min(options.maxLength ?? ORDER_ID_MAX_LENGTH, ORDER_ID_MAX_LENGTH);
  const badPrefix = characterProblem(prefix);
  if (badPrefix !== undefined) throw new ValidationError({ field: 'orderIdPrefix', reason: badPrefix });
  if (!Number.isSafeInteger(now) || now < 0 || now >= MAX_TIME) {
    throw new ValidationError({ field: 'now', reason: 'must be a whole millisecond between 1970 and 5188' });
  }
  const time = now.toString(36).padStart(TIME_DIGITS, '0');
  // readBigUInt64BE throws on fewer than 8 bytes: a short random source must fail loudly, not weaken ids.
  const bits = Buffer.from(random(RANDOM_BYTES)).readBigUInt64BE(0);
  const entropy = bits.toString(36).padStart(RANDOM_DIGITS, '0');
  // Only the generated part is upper-cased: the caller's prefix is kept as given.
  const generated = `${time}-${entropy}`.toUpperCase();
  const id = prefix === '' ? generated : `${prefix}-${generated}`;
  if (id.length > limit) {
    throw new ValidationError({
      field: 'orderIdPrefix',
      reason:
        `makes the order id ${id.length} characters long; at most ${limit} are allowed ` +
        `(the generated part takes ${ORDER_ID_SUFFIX_LENGTH}, plus a dash after the prefix)`,
    });
  }
  return id;
}

/** `generateOrderId` for the Invoicing API, whose order ids are limited to 36 characters. */
export function generateInvoiceOrderId(options: Omit<GenerateOrderIdOptions, 'maxLength'> = {}): string {
  return generateOrderId({ ...options, maxLength: INVOICE_ORDER_ID_MAX_LENGTH });
}

/** Options of `validateOrderId`. */
export interface ValidateOrderIdOptions {
  /** Longest id allowed. Default 50; `INVOICE_ORDER_ID_MAX_LENGTH` (36) for the Invoicing API. */
  maxLength?: number;
}

/**
 * Return `orderId` unchanged if Midtrans would accept it: a non-empty string of at most `maxLength`
 * characters from `A-Z a-z 0-9 - _ ~ .`. Never trims: the id is signed verbatim in notifications.
 * @throws ValidationError field `orderId`, naming the first bad character when there is one.
 */
export function validateOrderId(orderId: unknown, options: ValidateOrderIdOptions = {}): string {
  const problem = orderIdProblem(orderId, options.maxLength ?? ORDER_ID_MAX_LENGTH);
  if (problem !== undefined) throw new ValidationError({ field: 'orderId', reason: problem });
  return String(orderId);
}

/** Whether `validateOrderId` would accept `orderId`. */
export function isValidOrderId(orderId: unknown, options: ValidateOrderIdOptions = {}): boolean {
  return orderIdProblem(orderId, options.maxLength ?? ORDER_ID_MAX_LENGTH) === undefined;
}

function orderIdProblem(orderId: unknown, maxLength: number): string | undefined {
  if (typeof orderId !== 'string') return 'must be a string';
  if (orderId === '') return 'must not be empty';
  return characterProblem(orderId) ?? lengthProblem(orderId.length, maxLength);
}

function characterProblem(text: string): string | undefined {
  const match = BAD_CHARACTER.exec(text);
  if (match === null) return undefined;
  const character = match[0];
  const codePoint = `U+${Number(character.codePointAt(0)).toString(16).toUpperCase().padStart(4, '0')}`;
  return (
    `contains ${JSON.stringify(character)} (${codePoint}) at index ${match.index}; ` +
    'only letters A-Z a-z, digits and "-", "_", "~", "." are allowed'
  );
}

function lengthProblem(length: number, maxLength: number): string | undefined {
  return length > maxLength ? `is ${length} characters long; at most ${maxLength} are allowed` : undefined;
}
