/** What every repository works with: where to run queries, on which dialect, with which clock. */
import type { Knex } from 'knex';
import type { Dialect } from './dialect.js';
import type { SqlText } from './sql/sql-text.js';
import {
  assertOpen,
  type Runnable,
  type StatementRunner,
  type TransactionScope,
} from './sql/statement-runner.js';
import type { StatementTap } from './statement-tap.js';
import type { TableNames } from './tables.js';

/** Builds Knex queries where the context's statements run (a transaction's connection, or the pool). */
export interface QueryScope {
  /** A query on `table`. */
  (table: string): Knex.QueryBuilder;
  /** Raw SQL fragments inside such a query. */
  readonly raw: Knex.RawBuilder;
}

/** The environment of one set of repositories (the store's, or one transaction's). */
export interface StoreContext {
  /** The transaction when inside `store.transaction`, else undefined. */
  readonly transaction: TransactionScope | undefined;
  /** Where Knex-built queries run: on the transaction's connection, or on the pool. */
  readonly db: QueryScope;
  /** Where the store's own statements (`run`) run: the transaction, or the pool. */
  readonly target: Runnable;
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
export function runRecoverable<R>(ctx: StoreContext, statement: () => Promise<R>): Promise<R> {
  const scope = ctx.transaction;
  if (scope === undefined || !ctx.dialect.failedStatementAbortsTransaction) return statement();
  return scope.savepoint(statement);
}

/** Knex queries on the connection of `scope`, refused once it ended. */
export function queryScopeOf(knex: Knex, scope: TransactionScope): QueryScope {
  const onConnection = (table: string): Knex.QueryBuilder => {
    assertOpen(scope);
    return knex(table).connection(scope.connection);
  };
  return Object.assign(onConnection, { raw: knex.raw.bind(knex) });
}
