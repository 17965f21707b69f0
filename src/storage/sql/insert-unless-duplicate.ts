/** Insert a row unless one with the same key exists, never raising on that duplicate. */
import type { Row } from '../codec.js';
import type { StoreContext } from '../context.js';

/**
 * Insert `row` into `table` unless a row with the same `key` value exists. Resolves true when
 * `row` was written, false when the existing row was kept.
 */
export async function insertUnlessDuplicate(
  ctx: StoreContext,
  table: string,
  row: Row,
  key: string,
): Promise<boolean> {
  const columns = Object.keys(row);
  const values = columns.map((column) => row[column]);
  const skipping = ctx.sql.insertUnlessDuplicate(table, columns, key);
  if (skipping !== undefined) return (await ctx.run.rows(ctx.target, skipping, values)).length > 0;
  // MySQL/MariaDB (see `insertCanSkipDuplicate`): the duplicate's error leaves the transaction usable.
  try {
    await ctx.run.write(ctx.target, ctx.sql.insert(table, columns), values);
    return true;
  } catch (error) {
    if (ctx.dialect.uniqueViolation(error) === undefined) throw error;
    return false;
  }
}
