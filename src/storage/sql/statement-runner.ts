/**
 * The store's own statement path: SQL text the store wrote itself (sql-text.ts), run without
 * Knex's query builder. Knex stays the connection pool, the transactions and every other query;
 * this path carries only the statements every payment change runs (a row by a unique column, an
 * insert, an update by id), where the builder and runner were a fifth of the CPU (bench/FIXES.md).
 */
import type { Knex } from 'knex';
import type { Row } from '../codec.js';

/** Where a statement runs: the store's Knex instance, or the transaction it is part of. */
export type Runnable = Knex | Knex.Transaction;

/** Runs SQL text on a connection of `db`. Values are bound, never spliced into the text. */
export interface StatementRunner {
  /** A statement that answers rows: a SELECT, or a write with RETURNING. */
  rows(db: Runnable, sql: string, values: readonly unknown[]): Promise<Row[]>;
  /** A write; resolves the number of rows it changed. */
  write(db: Runnable, sql: string, values: readonly unknown[]): Promise<number>;
}
