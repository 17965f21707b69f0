/**
 * Reading a merchant-set payment window: Core API `custom_expiry` and Snap `expiry`
 * (docs.midtrans.com/reference/custom-expiry-object: `expiry_duration` is typed String(50) and
 * sent as `60` or `"60"`; `unit` is second, minute, hour or day and defaults to minute).
 */
import { MIN_CUSTOM_EXPIRY_MS } from '../domain/expiry-limits.js';
import { parseMidtransTime } from '../domain/wire-time.js';
import type { JsonObject } from '../wire-types.js';
import { stringAt } from './json.js';

const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** Milliseconds of one `unit` (`minute`, `minutes`, `hour`…), or undefined. */
export function unitMs(unit: string | undefined): number | undefined {
  if (!unit) return undefined;
  return UNIT_MS[unit.toLowerCase().replace(/s$/, '')];
}

/** A whole positive count given as a JSON number or as a string of digits; else undefined. */
function countAt(object: JsonObject, key: string): number | undefined {
  const value = object[key];
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 1 ? value : undefined;
  if (typeof value === 'string' && /^[1-9][0-9]{0,15}$/.test(value.trim())) {
    const count = Number(value.trim());
    return Number.isSafeInteger(count) ? count : undefined;
  }
  return undefined;
}

/** Where the window is read from, and the longest window allowed for it. */
export interface ExpiryField {
  /** `custom_expiry` or `expiry`. */
  field: string;
  /** `order_time` (Core) or `start_time` (Snap). */
  startKey: string;
  /** `expiry_duration` (Core) or `duration` (Snap). */
  durationKey: string;
  /** Longest window in ms (src/domain/expiry-limits.ts). */
  maxMs: number;
}

/**
 * The expiry instant asked for, or undefined when absent (or wrong: then a reason is pushed to
 * `errors`).
 */
export function readExpiry(
  object: JsonObject | undefined,
  where: ExpiryField,
  nowMs: number,
  errors: string[],
): number | undefined {
  if (!object) return undefined;
  const { field, startKey, durationKey } = where;
  const duration = countAt(object, durationKey);
  const unitText = stringAt(object, 'unit');
  const unit = unitText === undefined ? UNIT_MS.minute : unitMs(unitText);
  if (duration === undefined) {
    errors.push(`${field}.${durationKey} must be a positive integer`);
    return undefined;
  }
  if (unit === undefined) {
    errors.push(`${field}.unit must be one of second, minute, hour, day`);
    return undefined;
  }
  const windowMs = duration * unit;
  if (windowMs < MIN_CUSTOM_EXPIRY_MS || windowMs > where.maxMs) {
    const days = Math.round(where.maxMs / 86_400_000);
    errors.push(`${field}.${durationKey} must be between 20 seconds and ${days} days`);
    return undefined;
  }
  let start = nowMs;
  const startText = stringAt(object, startKey);
  if (startText !== undefined) {
    try {
      start = parseMidtransTime(startText, `${field}.${startKey}`).getTime();
    } catch {
      errors.push(`${field}.${startKey} must be formatted as yyyy-MM-dd HH:mm:ss Z`);
      return undefined;
    }
  }
  return start + windowMs;
}
