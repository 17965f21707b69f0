/** Turning a driver's unique-key violation into a ConflictError that names the offending field. */
import { ConflictError } from '../errors.js';
import type { RecordCodec } from './codec.js';
import type { Dialect } from './dialect.js';

/** A unique key of a table and the record field it guards. */
export interface UniqueKey<T> {
  /** The guarded field. */
  readonly field: keyof T & string;
  /** The key's name (see `uniqueKeyName`). */
  readonly name: string;
}

/**
 * If `error` is a unique-key violation, a ConflictError naming the field whose key the database
 * reported (MySQL and PostgreSQL name the key, SQLite names `table.column`); otherwise undefined.
 */
export function toConflict<T>(
  error: unknown,
  dialect: Dialect,
  codec: RecordCodec<T>,
  keys: readonly UniqueKey<T>[],
  values: Partial<T>,
): ConflictError | undefined {
  const detail = dialect.uniqueViolation(error);
  if (detail === undefined) return undefined;
  const primary: UniqueKey<T> = { field: 'id' as keyof T & string, name: `${codec.table}_pkey` };
  const key = [...keys, primary].find(
    ({ field, name }) =>
      detail === name ||
      (name === primary.name && detail === 'PRIMARY') ||
      detail === `${codec.table}.${codec.column(field)}` ||
      detail === codec.column(field),
  );
  if (key === undefined) {
    return new ConflictError(`A ${codec.entity} with the same unique key already exists`, { cause: error });
  }
  const value = values[key.field];
  const shown = value === undefined || value === null ? '' : ` "${String(value)}"`;
  return new ConflictError(`A ${codec.entity} with ${key.field}${shown} already exists`, {
    cause: error,
    field: key.field,
  });
}
