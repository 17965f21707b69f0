/**
 * The store's own statement path: SQL text the store wrote itself (sql-text.ts), run without
 * Knex's query builder. Knex stays the connection pool and every other query; this path carries
 * the statements every payment change runs (a row by a unique column, an insert, an update by id)
 * and the store's transactions (store-transaction.ts), where Knex's builder, runner and
 * transaction objects were most of the CPU around the database (bench/FIXES.md).
 */
import type { Knex } from 'knex';
import type { Row } from '../codec.js';

/** A transaction the store runs itself on one connection it borrowed from the pool. */
export interface TransactionScope {
  /** The driver connection every statement of the transaction runs on. */
  readonly connection: object;
  /** True once COMMIT or ROLLBACK was sent: nothing may run on the connection for it any more. */
  readonly ended: boolean;
  /**
   * Run `statement` in a savepoint: its failure is undone alone and leaves the transaction
   * usable (PostgreSQL aborts a transaction on any failed statement otherwise).
   */
  savepoint<R>(statement: () => Promise<R>): Promise<R>;
}

/** Where a statement runs: a store transaction's connection, or any connection of the Knex pool. */
export type Runnable = TransactionScope | Knex;

/** Runs SQL text on a connection of `db`. Values are bound, never spliced into the text. */
export interface StatementRunner {
  /** A statement that answers rows: a SELECT, or a write with RETURNING. */
  rows(db: Runnable, sql: string, values: readonly unknown[]): Promise<Row[]>;
  /** A write; resolves the number of rows it changed. */
  write(db: Runnable, sql: string, values: readonly unknown[]): Promise<number>;
}

/**
 * Refuse work on a transaction that has ended, as Knex did: its connection may already serve
 * another transaction, and the statement would join that one.
 */
export function assertOpen(scope: TransactionScope): void {
  if (scope.ended) throw new Error('Transaction query already complete: the store transaction has ended');
}

/** Whether `db` is a store transaction (a Knex instance is a function). */
export function isTransactionScope(db: Runnable): db is TransactionScope {
  return typeof db !== 'function';
}
