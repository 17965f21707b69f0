/** Small query helpers shared by the repositories. */
import type { Knex } from 'knex';

/** `column = value` for one value, `column IN (…)` for several (an empty list matches nothing). */
export function whereOneOf(
  query: Knex.QueryBuilder,
  column: string,
  value: string | readonly string[],
): void {
  if (typeof value === 'string') query.where(column, value);
  else query.whereIn(column, [...value]);
}

export { whereEquals } from '../table-access.js';
