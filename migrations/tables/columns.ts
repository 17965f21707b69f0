/** Column conventions shared by every table. */
import type { Knex } from 'knex';
import { dialectOf } from '../../src/storage/dialect.js';

/**
 * Open a table definition with the shared parts: the UUID primary key, and on MySQL/MariaDB InnoDB
 * (row locks, foreign keys) with utf8mb4 and a binary collation (emoji stored intact; keys compare
 * exactly, as on PostgreSQL and SQLite).
 */
export function beginTable(knex: Knex, table: Knex.CreateTableBuilder): void {
  dialectOf(knex).tableDefaults(table);
  table.string('id', 36).primary();
}

/** A timestamp with millisecond precision (timestamptz on PostgreSQL, DATETIME(3) in UTC on MySQL). */
export function timestamp(table: Knex.CreateTableBuilder, name: string): Knex.ColumnBuilder {
  return table.datetime(name, { useTz: true, precision: 3 });
}

/** `created_at` and `updated_at`, both required. */
export function recordTimestamps(table: Knex.CreateTableBuilder): void {
  timestamp(table, 'created_at').notNullable();
  timestamp(table, 'updated_at').notNullable();
}

/** An amount in whole Rupiah. */
export function money(table: Knex.CreateTableBuilder, name: string): Knex.ColumnBuilder {
  return table.bigInteger(name);
}

/** A reference to another table's id, with a named foreign key. */
export function reference(
  table: Knex.CreateTableBuilder,
  owner: string,
  column: string,
  target: string,
): Knex.ColumnBuilder {
  const built = table.string(column, 36);
  table
    .foreign(column, `${owner}_${column.replace(/_id$/, '')}_fk`)
    .references('id')
    .inTable(target);
  return built;
}
