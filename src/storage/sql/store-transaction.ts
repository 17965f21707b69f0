/**
 * The store's transactions, run by the store itself: a connection borrowed from Knex's pool,
 * BEGIN, the work, COMMIT (ROLLBACK when the work fails), the connection given back. The same
 * statements Knex's `transaction` sent, without its per-transaction Knex instance (a function
 * with a hundred properties, built for every transaction: the largest single cost of a webhook's
 * JavaScript after the statement path moved off Knex, bench/FIXES.md).
 */
import type { StatementTap } from '../statement-tap.js';
import { type DriverCalls, reportStatement } from './driver-runner.js';
import type { TransactionScope } from './statement-runner.js';

/** Where connections come from: a Knex instance's client (its pool). */
export interface ConnectionSource {
  readonly client: {
    acquireConnection(): Promise<unknown>;
    releaseConnection(connection: unknown): Promise<unknown>;
  };
}

/** Runs work in transactions on connections of one Knex pool. */
export type TransactionRunner = <T>(work: (scope: TransactionScope) => Promise<T>) => Promise<T>;

/**
 * Transactions on connections of `pool` (a Knex instance) through `driver`. `opening` is a statement run right after BEGIN
 * (SQLite's write-lock statement, `Dialect.transactionOpening`), if any.
 */
export function createTransactionRunner(
  pool: ConnectionSource,
  driver: DriverCalls,
  tap: StatementTap,
  opening: string | undefined,
): TransactionRunner {
  return async (work) => {
    const lent: unknown = await pool.client.acquireConnection();
    if (typeof lent !== 'object' || lent === null) throw new Error('The database client lent no connection');
    const connection = lent;
    const control = (sql: string) => {
      reportStatement(tap, connection, sql, 0);
      return driver.control(connection, sql);
    };
    let ended = false;
    let savepoints = 0;
    const scope: TransactionScope = {
      connection,
      get ended() {
        return ended;
      },
      async savepoint(statement) {
        // Numbered per transaction, so two runs of one path send the same text.
        const name = `sp${++savepoints}`;
        await control(`SAVEPOINT ${name}`);
        try {
          const result = await statement();
          await control(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (error) {
          await control(`ROLLBACK TO SAVEPOINT ${name}`);
          throw error;
        }
      },
    };
    try {
      await control('BEGIN');
      try {
        if (opening !== undefined) {
          reportStatement(tap, connection, opening, 0);
          await driver.execute(connection, opening, [], false);
        }
        const result = await work(scope);
        ended = true;
        await control('COMMIT');
        return result;
      } catch (error) {
        ended = true;
        // The work's (or COMMIT's) error is the one that matters; a failed ROLLBACK (the
        // connection is gone) is left to the pool, which checks a connection before lending it.
        await control('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      ended = true;
      await pool.client.releaseConnection(connection);
    }
  };
}
