/**
 * LIMIT written into the SQL text instead of bound. Knex binds `.limit(n)` (`limit ?`), and a bound
 * limit costs SQLite a plan that cannot see the bound: measured on better-sqlite3, a lookup by a
 * unique key took 35 µs with `limit ?` and 14 µs with `limit 1` (bench/FIXES.md). The value is
 * always one of the kit's own integers, checked here, so writing it into the text is safe.
 */
import type { Knex } from 'knex';

/** Add `LIMIT count` to `query` as literal text. Throws a RangeError for anything but a count. */
export function limitRows<Q extends Knex.QueryBuilder>(query: Q, count: number): Q {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`A row limit must be a non-negative integer, got ${String(count)}`);
  }
  return query.limit(count, { skipBinding: true }) as Q;
}
