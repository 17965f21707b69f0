/** Calendar days in the dashboard's time zone (WIB by default): what "today" and a date filter mean. */
import { ValidationError } from '../errors.js';
import { clockTime } from './format.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` of `at` in `timeZone`. */
export function dayOf(at: Date, timeZone: string): string {
  return clockTime(at, timeZone).slice(0, 10);
}

/** The instant a `YYYY-MM-DD` day starts in `timeZone`; `plusDays` moves to a later day. @throws ValidationError */
export function startOfDay(day: string, timeZone: string, field: string, plusDays = 0): Date {
  const match = DAY.exec(day);
  const utc = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays)
    : Number.NaN;
  if (Number.isNaN(utc)) throw new ValidationError({ field, reason: 'must be a date (YYYY-MM-DD)' });
  // The zone's offset at that moment: Indonesia has no daylight saving, but other zones may be asked for.
  const shown = clockTime(new Date(utc), timeZone);
  const offset = Date.parse(`${shown.replace(' ', 'T')}Z`) - utc;
  return new Date(utc - offset);
}
