/**
 * The store's statements straight through the database driver, on a connection Knex holds for
 * the transaction (or lends from its pool for one statement): no query builder, no Knex runner.
 * Knex never sees these statements, so each is reported to the store's statement tap here.
 */
import type { Row } from '../codec.js';
import type { StatementTap } from '../statement-tap.js';
import type { Runnable, StatementRunner } from './statement-runner.js';

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
}

/** A runner that runs statements through `driver` on the connections of `db`'s Knex client. */
export function createDriverRunner(tap: StatementTap, driver: DriverCalls): StatementRunner {
  const run = async (db: Runnable, sql: string, values: readonly unknown[], reads: boolean) => {
    // Knex refuses a statement on a finished transaction; so must we. Its connection may already
    // serve another transaction, and the statement would join that one.
    if (db.isTransaction === true && 'isCompleted' in db && db.isCompleted()) {
      throw new Error('Transaction query already complete: the store transaction has ended');
    }
    // Inside a transaction this is the transaction's connection; outside, one lent by the pool.
    const connection: unknown = await db.client.acquireConnection();
    try {
      if (typeof connection !== 'object' || connection === null) {
        throw new Error('The database client lent no connection');
      }
      if (tap.listening) {
        const id: unknown = Reflect.get(connection, '__knexUid');
        tap.report({
          sql,
          bindingCount: values.length,
          connectionId: typeof id === 'string' ? id : undefined,
          roundTrip: true,
        });
      }
      return await driver.execute(connection, sql, values, reads);
    } finally {
      await db.client.releaseConnection(connection);
    }
  };
  return {
    rows: async (db, sql, values) => (await run(db, sql, values, true)).rows,
    write: async (db, sql, values) => (await run(db, sql, values, false)).changes,
  };
}

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
