/**
 * Building wire objects: checked formatting of Dates and amounts, and dropping absent keys
 * so a built object equals a parsed one and JSON bodies carry no placeholder keys.
 */

import { ValidationError } from '../../errors.js';
import type { JsonObject, JsonValue } from '../../wire-types.js';
import { assertAmount, formatAmount, type Idr } from '../money.js';
import { formatMidtransTime, formatMidtransTimeWithZone } from '../wire-time.js';

/** Check a caller's Date before it is formatted, so a bad one names its field. */
export function checkDate(date: Date, field: string): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ValidationError({ field, reason: 'must be a valid Date' });
  }
  return date;
}

/** Format a payload time (`YYYY-MM-DD HH:MM:SS`, GMT+7). */
export function reqOutTime(date: Date, field: string): string {
  return formatMidtransTime(checkDate(date, field));
}

/** Format an optional payload time. */
export function outTime(date: Date | undefined, field: string): string | undefined {
  return date === undefined ? undefined : reqOutTime(date, field);
}

/** Format a response amount as `"N.00"`, naming the camelCase field when it is not valid. */
export function outAmount(amount: Idr, field: string): string {
  return formatAmount(assertAmount(amount, field, 0));
}

/** Format a request time (`YYYY-MM-DD HH:MM:SS +0700`). */
export function reqOutZonedTime(date: Date, field: string): string {
  return formatMidtransTimeWithZone(checkDate(date, field));
}

/** Format an optional request time. */
export function outZonedTime(date: Date | undefined, field: string): string | undefined {
  return date === undefined ? undefined : reqOutZonedTime(date, field);
}

/** Map an optional value; keeps `undefined` out of the callback. */
export function maybe<T, R>(value: T | undefined, map: (present: T) => R): R | undefined {
  return value === undefined ? undefined : map(value);
}

/**
 * Drop keys whose value is `undefined`, so built objects equal what was parsed
 * (`toStrictEqual`) and JSON bodies carry no placeholder keys.
 */
export function compact<T extends object>(value: T): T {
  // A loop, not entries/filter/fromEntries: every status response and notification goes through here.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const entry: unknown = Reflect.get(value, key);
    if (entry !== undefined) out[key] = entry;
  }
  return out as T;
}

/** `compact` for free-form JSON objects built from optional parts. */
export function compactJson(value: Record<string, JsonValue | undefined>): JsonObject {
  return compact(value) as JsonObject;
}

/** Like `compact`, but `undefined` when nothing is left (optional nested objects). */
export function compactOrUndefined<T extends object>(value: T): T | undefined {
  const out = compact(value);
  return Object.keys(out).length === 0 ? undefined : out;
}
