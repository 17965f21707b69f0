/**
 * Reading timestamps back. pg and mysql2 return Date objects; knex's better-sqlite3 client binds a
 * Date as epoch milliseconds, so SQLite returns numbers; text written by hand or by SQL defaults is
 * read as UTC when it has no zone.
 */

const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** Convert a driver's timestamp value to a valid Date; throws a TypeError naming `location` otherwise. */
export function readDate(value: unknown, location: string): Date {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number' || typeof value === 'bigint') date = new Date(Number(value));
  else if (typeof value === 'string') date = parseDateText(value.trim());
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw new TypeError(`${location}: ${String(value)} is not a timestamp`);
  }
  return date;
}

function parseDateText(text: string): Date {
  if (/^-?\d+$/.test(text)) return new Date(Number(text));
  if (ZONELESS.test(text)) return new Date(`${text.replace(' ', 'T')}Z`);
  return new Date(text);
}
