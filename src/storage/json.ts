/**
 * JSON payloads kept in JSON columns. Stored as the text `JSON.stringify` gives and read back
 * parsed, so any JSON-serialisable object or array round-trips (including emoji and CJK text).
 */
import { ValidationError } from '../errors.js';

/** A JSON object (e.g. metadata, a raw Midtrans response). Values must be JSON-serialisable. */
export type JsonObject = Record<string, unknown>;

/** A JSON array (e.g. item details, QR/deeplink actions). Elements must be JSON-serialisable. */
export type JsonArray = unknown[];

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
    if (typeof value === 'object') return value as JsonDocument;
    throw new TypeError(`${where}: expected JSON, got ${typeof value}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) {
      throw new TypeError('not an object or array');
    }
    return parsed as JsonDocument;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new TypeError(`${where}: stored JSON cannot be read (${detail})`);
  }
}
