/**
 * Midtrans timestamps. Core API payloads use `YYYY-MM-DD HH:MM:SS` in GMT+7 with no zone;
 * requests that set a time use `YYYY-MM-DD HH:MM:SS +0700`; Subscriptions use ISO-like
 * `2025-02-01T09:00:00.000000` (GMT+7) or with a trailing `Z` (UTC).
 */
import { ValidationError } from '../errors.js';

const JAKARTA_OFFSET_MINUTES = 7 * 60;
// Zone offsets are limited to real ones (hours 00-23, minutes 00-59); the date and time fields are
// range-checked after parsing, because Date.UTC silently rolls 2025-13-01 over into 2026.
const WIRE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:\s*(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d))?$/;

/** Parse any Midtrans timestamp into a Date. A timestamp without a zone is read as GMT+7. */
export function parseMidtransTime(text: string, field = 'time'): Date {
  const match = WIRE_TIME.exec(text.trim());
  if (!match) throw new ValidationError({ field, reason: `"${text}" is not a Midtrans timestamp` });
  const [, year, month, day, hour, minute, second, fraction = '', zone] = match;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const offset = zone === undefined ? JAKARTA_OFFSET_MINUTES : zoneOffsetMinutes(zone);
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    millis,
  );
  // A real date reads back as the same fields; a rolled-over one (month 13, Feb 30, 10:60) does not.
  // Years 0000-0099 fail too (Date.UTC maps them to 19xx); Midtrans never sends them.
  const read = new Date(utc);
  if (
    read.getUTCFullYear() !== Number(year) ||
    read.getUTCMonth() !== Number(month) - 1 ||
    read.getUTCDate() !== Number(day) ||
    read.getUTCHours() !== Number(hour) ||
    read.getUTCMinutes() !== Number(minute) ||
    read.getUTCSeconds() !== Number(second)
  ) {
    throw new ValidationError({ field, reason: `"${text}" is not a real date` });
  }
  return new Date(utc - offset * 60_000);
}

/** Format as Midtrans writes payload times: `YYYY-MM-DD HH:MM:SS`, GMT+7, no zone. */
export function formatMidtransTime(date: Date): string {
  const local = new Date(date.getTime() + JAKARTA_OFFSET_MINUTES * 60_000);
  return local.toISOString().slice(0, 19).replace('T', ' ');
}

/** Format as Midtrans expects times in requests: `YYYY-MM-DD HH:MM:SS +0700`. */
export function formatMidtransTimeWithZone(date: Date): string {
  return `${formatMidtransTime(date)} +0700`;
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}
