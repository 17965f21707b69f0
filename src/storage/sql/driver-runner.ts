/**
 * The store's statements straight through the database driver, on the connection of the store's
 * transaction (or one Knex's pool lends for one statement): no query builder, no Knex runner.
 * Knex never sees these statements, so each is reported to the store's statement tap here.
 */

import type { Knex } from 'knex';
import type { Row } from '../codec.js';
import type { StatementTap } from '../statement-tap.js';
import { createIdleConnectionLane } from './idle-connection.js';
import {
  assertOpen,
  isTransactionScope,
  type Runnable,
  type StatementRunner,
  type TransactionScope,
} from './statement-runner.js';

/** What one statement gave back. */
export interface DriverAnswer {
  /** Its rows (a SELECT, or a write with RETURNING). */
  readonly rows: Row[];
  /** How many rows it changed (writes). */
  readonly changes: number;
}

/** How one driver runs a statement on one of its connections. */
export interface DriverCalls {
  /** Run `sql` with `values` bound on `connection`, as a reading or a writing statement. */
  execute(connection: object, sql: string, values: readonly unknown[], reads: boolean): Promise<DriverAnswer>;
  /** Run a statement without values or answer (BEGIN, COMMIT, ROLLBACK, savepoints). */
  control(connection: object, sql: string): Promise<void>;
  /**
   * `execute` runs the statement to its end before it returns (better-sqlite3): a statement outside
   * a transaction may then use an idle connection without borrowing it (idle-connection.ts).
   */
  readonly synchronous?: boolean;
}

/** Report a statement run on `connection` to `tap` (when somebody listens). */
export function reportStatement(
  tap: StatementTap,
  connection: object,
  sql: string,
  bindingCount: number,
): void {
  if (!tap.listening) return;
  const id: unknown = Reflect.get(connection, '__knexUid');
  tap.report({
    sql,
    bindingCount,
    connectionId: typeof id === 'string' ? id : undefined,
    roundTrip: true,
  });
}

/** A runner that runs statements through `driver` on the connections of `db`'s Knex client. */
export function createDriverRunner(tap: StatementTap, driver: DriverCalls): StatementRunner {
  // Not `async`: a statement of a transaction is the driver's own promise, with no further
  // promise around it (each one was another turn of the microtask queue per statement, during
  // which the other requests' work ran: a webhook runs ten statements).
  const inTransaction = (
    scope: TransactionScope,
    sql: string,
    values: readonly unknown[],
    reads: boolean,
  ) => {
    try {
      assertOpen(scope);
      reportStatement(tap, scope.connection, sql, values.length);
      return driver.execute(scope.connection, sql, values, reads);
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const lane = driver.synchronous === true ? createIdleConnectionLane() : undefined;
  const onLentConnection = async (db: Knex, sql: string, values: readonly unknown[], reads: boolean) => {
    const connection: unknown = await db.client.acquireConnection();
    try {
      if (typeof connection !== 'object' || connection === null) {
        throw new Error('The database client lent no connection');
      }
      lane?.lent(db, connection);
      reportStatement(tap, connection, sql, values.length);
      return await driver.execute(connection, sql, values, reads);
    } finally {
      await db.client.releaseConnection(connection);
    }
  };
  const onIdleConnection = (connection: object, sql: string, values: readonly unknown[], reads: boolean) => {
    reportStatement(tap, connection, sql, values.length);
    return driver.execute(connection, sql, values, reads);
  };
  const run = (db: Runnable, sql: string, values: readonly unknown[], reads: boolean) => {
    if (isTransactionScope(db)) return inTransaction(db, sql, values, reads);
    const idle = lane?.idle(db);
    return idle === undefined
      ? onLentConnection(db, sql, values, reads)
      : onIdleConnection(idle, sql, values, reads);
  };
  return {
    rows: (db, sql, values) => run(db, sql, values, true).then(rowsOf),
    write: (db, sql, values) => run(db, sql, values, false).then(changesOf),
  };
}

const rowsOf = (answer: DriverAnswer) => answer.rows;
const changesOf = (answer: DriverAnswer) => answer.changes;

/**
 * Call the callback-style method `method` of a driver connection (mysql2, pg) with `args` and
 * a final `(error, result)` callback; resolves the result. `what` names the connection expected.
 */
export function callDriver(connection: object, method: string, args: readonly unknown[], what: string) {
  const fn: unknown = Reflect.get(connection, method);
  if (typeof fn !== 'function') return Promise.reject(new Error(`The connection is not a ${what}`));
  return new Promise<unknown>((resolve, reject) => {
    fn.call(connection, ...args, (error: Error | null, result?: unknown) => {
      if (error !== null && error !== undefined) reject(error);
      else resolve(result);
    });
  });
}
