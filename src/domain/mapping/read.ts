/**
 * Checked reads of wire values. Wire objects arrive as parsed JSON whatever their static type says,
 * so every field is checked at run time and a bad one is reported by its dotted wire path.
 */

import { ValidationError } from '../../errors.js';
import type { JsonObject } from '../../wire-types.js';
import { assertAmount, type Idr, parseAmount } from '../money.js';
import { parseMidtransTime } from '../wire-time.js';

function fail(field: string, reason: string): never {
  throw new ValidationError({ field, reason });
}

function present(value: unknown, field: string): unknown {
  if (value === undefined || value === null) fail(field, 'is required');
  return value;
}

/** A required string. */
export function reqString(value: unknown, field: string): string {
  const checked = present(value, field);
  if (typeof checked !== 'string') fail(field, 'must be a string');
  return checked;
}

/** An optional string. */
export function optString(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : reqString(value, field);
}

/** A required integer. */
export function reqInt(value: unknown, field: string): number {
  const checked = present(value, field);
  if (typeof checked !== 'number' || !Number.isSafeInteger(checked)) fail(field, 'must be an integer');
  return checked;
}

/** An optional integer. */
export function optInt(value: unknown, field: string): number | undefined {
  return value === undefined ? undefined : reqInt(value, field);
}

/** A required boolean. */
export function reqBool(value: unknown, field: string): boolean {
  const checked = present(value, field);
  if (typeof checked !== 'boolean') fail(field, 'must be true or false');
  return checked;
}

/** An optional boolean. */
export function optBool(value: unknown, field: string): boolean | undefined {
  return value === undefined ? undefined : reqBool(value, field);
}

/** A required value out of a fixed list of strings. */
export function reqOneOf<T extends string>(
  value: unknown,
  allowed: Readonly<Record<string, T>>,
  field: string,
): T {
  const text = reqString(value, field);
  const values: readonly string[] = Object.values(allowed);
  if (!values.includes(text)) fail(field, `must be one of ${values.join(', ')}`);
  return text as T;
}

/** An optional value out of a fixed list of strings. */
export function optOneOf<T extends string>(
  value: unknown,
  allowed: Readonly<Record<string, T>>,
  field: string,
): T | undefined {
  return value === undefined ? undefined : reqOneOf(value, allowed, field);
}

/** A required object (not an array). */
export function reqObject(value: unknown, field: string): JsonObject {
  const checked = present(value, field);
  if (typeof checked !== 'object' || Array.isArray(checked)) fail(field, 'must be an object');
  return checked as JsonObject;
}

/** An optional JSON object, passed through as is (metadata). */
export function optObject(value: unknown, field: string): JsonObject | undefined {
  return value === undefined ? undefined : reqObject(value, field);
}

/** A required array, each element read by `item` with its index in the path. */
export function reqArray<T>(value: unknown, field: string, item: (element: unknown, path: string) => T): T[] {
  const checked = present(value, field);
  if (!Array.isArray(checked)) fail(field, 'must be an array');
  return checked.map((element, index) => item(element, `${field}.${index}`));
}

/** An optional array. */
export function optArray<T>(
  value: unknown,
  field: string,
  item: (element: unknown, path: string) => T,
): T[] | undefined {
  return value === undefined ? undefined : reqArray(value, field, item);
}

/** Read an array of strings element by element. */
export function stringItem(element: unknown, path: string): string {
  return reqString(element, path);
}

/** A required wire amount (integer or `"N.00"` string) of at least `min`. */
export function reqAmount(value: unknown, field: string, min = 0): Idr {
  const amount = parseAmount(present(value, field), field);
  return assertAmount(amount, field, min);
}

/** An optional wire amount. */
export function optAmount(value: unknown, field: string, min = 0): Idr | undefined {
  return value === undefined ? undefined : reqAmount(value, field, min);
}

/** A required Midtrans timestamp. */
export function reqTime(value: unknown, field: string): Date {
  return parseMidtransTime(reqString(value, field), field);
}

/** An optional Midtrans timestamp; an empty string counts as absent. */
export function optTime(value: unknown, field: string): Date | undefined {
  return value === undefined || value === '' ? undefined : reqTime(value, field);
}
