/**
 * JSON payloads kept in JSON columns. Stored as the text `JSON.stringify` gives and read back
 * parsed, so any JSON-serialisable object or array round-trips (including emoji and CJK text).
 */
import { ValidationError } from '../errors.js';
import type { JsonObject, JsonValue } from '../wire-types.js';

export type { JsonObject } from '../wire-types.js';

/** A JSON array (e.g. item details, QR/deeplink actions). */
export type JsonArray = JsonValue[];

/** What a JSON column holds: an object or an array (never a bare scalar, see `encodeJson`). */
export type JsonDocument = JsonObject | JsonArray;

/**
 * Serialise a JSON column value. Only objects and arrays are accepted: MySQL hands back JSON
 * documents already parsed while MariaDB hands back text, and a bare string could not be told apart.
 */
export function encodeJson(value: unknown, field: string): string {
  if (typeof value !== 'object' || value === null || value instanceof Date) {
    throw new ValidationError({ field, reason: 'must be a JSON object or array' });
  }
  try {
    return JSON.stringify(value);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ValidationError({ field, reason: `is not JSON-serialisable (${detail})` });
  }
}

/** Read a JSON column value as any driver returns it: text, a Buffer, or an already parsed value. */
export function decodeJson(value: unknown, where: string): JsonDocument | null {
  if (value === null || value === undefined) return null;
  const text =
    typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : undefined;
  if (text === undefined) {
    // The driver parsed it from the JSON column itself (MySQL, PostgreSQL), so it is JSON.
    if (typeof value === 'object') return value as JsonDocument;
    throw new TypeError(`${where}: expected JSON, got ${typeof value}`);
  }
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new TypeError(`${where}: stored JSON cannot be read (${detail})`);
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw new TypeError(`${where}: stored JSON cannot be read (not an object or array)`);
  }
  return parsed;
}

/**
 * A wire object (or any JSON-serialisable object) as the JSON document a column keeps: a JSON
 * round trip, so what the record holds is exactly what reading the row back gives (`undefined`
 * members dropped, Dates as strings), and a value that would not serialise fails here.
 */
export function toJsonObject(value: object, field = 'value'): JsonObject {
  const json: JsonValue = JSON.parse(encodeJson(value, field));
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ValidationError({ field, reason: 'must be a JSON object' });
  }
  return json;
}

/**
 * An object for a JSON column's field in a patch or insert, taken as it is: the store writes it
 * through `JSON.stringify` and hands back the record read from that text, so normalising it here
 * first (as `toJsonObject` does) would serialise it twice. Only for values nobody reads before
 * the write, such as a Midtrans body going straight into `lastResponse`.
 */
export function forJsonColumn(value: object): JsonObject {
  // Checked again, with the field's name, when the store encodes it (`encodeJson`).
  return value as JsonObject;
}

/** An array as the JSON array a column keeps (see `toJsonObject`). */
export function toJsonArray(value: readonly unknown[], field = 'value'): JsonArray {
  const json: JsonValue = JSON.parse(encodeJson(value, field));
  if (!Array.isArray(json)) throw new ValidationError({ field, reason: 'must be a JSON array' });
  return json;
}
