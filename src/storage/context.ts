/** What every repository works with: where to run queries, on which dialect, with which clock. */
import type { Knex } from 'knex';
import type { Dialect } from './dialect.js';
import type { SqlText } from './sql/sql-text.js';
import type { StatementRunner } from './sql/statement-runner.js';
import type { StatementTap } from './statement-tap.js';
import type { TableNames } from './tables.js';

/** The environment of one set of repositories (the store's, or one transaction's). */
export interface StoreContext {
  /** The transaction when inside `store.transaction`, else undefined. */
  readonly transaction: Knex.Transaction | undefined;
  /** Where queries run: the transaction, or the Knex instance. */
  readonly db: Knex | Knex.Transaction;
  /** Database-specific behaviour. */
  readonly dialect: Dialect;
  /** Physical table names. */
  readonly tables: TableNames;
  /** The SQL text of the store's own statements on this dialect. */
  readonly sql: SqlText;
  /** Runs the store's own statements (sql/statement-runner.ts) on `db`. */
  readonly run: StatementRunner;
  /** The store clock, used for createdAt/updatedAt and "due" checks. */
  readonly now: () => Date;
  /**
   * Where statements are reported (internal, for the statement-count tests). Knex's statements
   * reach it by themselves; a statement run past Knex (the SQLite runner's) must `report` here.
   */
  readonly statements: StatementTap;
}

/**
 * Run a statement that may fail with an expected error (a unique key). Inside a PostgreSQL
 * transaction it runs in a savepoint, so the error leaves the transaction usable, as it does on
 * MySQL and SQLite.
 */
export async function runRecoverable<R>(
  ctx: StoreContext,
  statement: (db: Knex | Knex.Transaction) => Promise<R>,
): Promise<R> {
  const trx = ctx.transaction;
  if (trx === undefined || !ctx.dialect.failedStatementAbortsTransaction) return statement(ctx.db);
  return trx.savepoint<R>((savepoint) => statement(savepoint));
}
