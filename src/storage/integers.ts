/**
 * Reading integers back from the database. BIGINT arrives as a string (pg, mysql2 with
 * bigNumberStrings), a bigint (better-sqlite3 safe-integer mode) or a number (mysql2 and
 * better-sqlite3 defaults, already rounded past 2^53). Anything outside the safe range is refused,
 * never rounded: a wrong amount is worse than an error.
 */

/** A stored integer lies outside Number's exact range (±Number.MAX_SAFE_INTEGER). */
export class UnsafeIntegerError extends RangeError {
  /** `table.column` (and row id when known) where the value was found. */
  readonly location: string;
  /** The value as the driver returned it, as text. */
  readonly rawValue: string;

  constructor(location: string, rawValue: string, rounded: boolean) {
    const note = rounded ? ' (the driver already rounded it)' : '';
    super(
      `${location} holds ${rawValue}${note}, outside Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER}); ` +
        'refusing to round it',
    );
    this.name = 'UnsafeIntegerError';
    this.location = location;
    this.rawValue = rawValue;
  }
}

const INTEGER_TEXT = /^-?\d+$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Convert a driver's integer value to a safe JS integer; throws UnsafeIntegerError or TypeError. */
export function readSafeInteger(value: unknown, location: string): number {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value;
    if (Number.isInteger(value)) throw new UnsafeIntegerError(location, String(value), true);
    throw new TypeError(`${location}: expected an integer, got ${value}`);
  }
  if (typeof value === 'bigint') return fromBigInt(value, location, String(value));
  if (typeof value === 'string' && INTEGER_TEXT.test(value))
    return fromBigInt(BigInt(value), location, value);
  throw new TypeError(`${location}: expected an integer, got ${describe(value)}`);
}

function fromBigInt(value: bigint, location: string, raw: string): number {
  if (value > MAX || value < -MAX) throw new UnsafeIntegerError(location, raw, false);
  return Number(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : typeof value;
}
