/** Small readers for untrusted JSON request bodies. */
import type { JsonObject, JsonValue } from '../wire-types.js';

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `key`, or undefined. */
export function objectAt(source: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = source?.[key];
  return isObject(value) ? value : undefined;
}

/** The string at `key`, or undefined. */
export function stringAt(source: JsonObject | undefined, key: string): string | undefined {
  const value = source?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The number at `key`, or undefined. */
export function numberAt(source: JsonObject | undefined, key: string): number | undefined {
  const value = source?.[key];
  return typeof value === 'number' ? value : undefined;
}

/** The value at `key` as given. */
export function valueAt(source: JsonObject | undefined, key: string): JsonValue | undefined {
  return source?.[key];
}

/** Order ids: alphanumeric plus `- _ ~ .`. */
export const ORDER_ID_CHARS = /^[A-Za-z0-9\-_~.]+$/;
