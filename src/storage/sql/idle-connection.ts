/**
 * A shortcut around the pool for one statement on a synchronous driver (better-sqlite3). Such a
 * driver runs a statement to its end before it returns, so a statement outside any transaction
 * holds the connection only for that instant: when the pool lends nothing at the moment (no
 * transaction, no query, nobody waiting for a connection), the connection the store was lent last
 * is idle, and the statement runs on it at once. Borrowing it instead cost a timer and a chain of
 * promises in tarn and Knex for every statement (bench/FIXES.md, "Seventh session").
 */
import type { Knex } from 'knex';

/** The public counters of Knex's tarn pool that tell whether anybody holds or awaits a connection. */
interface PoolCounters {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingValidations(): number;
  numPendingCreates(): number;
}

/** Where an idle connection can be found. */
export interface IdleConnectionLane {
  /** A connection nobody holds, to run one synchronous statement on now; undefined: borrow one. */
  idle(db: Knex): object | undefined;
  /** A connection the pool of `db` lent (the last one lent is the one tried next). */
  lent(db: Knex, connection: object): void;
}

function countersOf(pool: unknown): PoolCounters | undefined {
  if (typeof pool !== 'object' || pool === null) return undefined;
  const names = ['numUsed', 'numPendingAcquires', 'numPendingValidations', 'numPendingCreates'];
  // A host may give Knex a pool of its own (`connectionPool`) without these counters: then always borrow.
  for (const name of names) if (typeof Reflect.get(pool, name) !== 'function') return undefined;
  return pool as PoolCounters;
}

/** A lane that remembers, per Knex client, the connection it was lent last. */
export function createIdleConnectionLane(): IdleConnectionLane {
  const last = new WeakMap<object, object>();
  return {
    idle(db) {
      const connection = last.get(db.client);
      if (connection === undefined) return undefined;
      const pool = countersOf(db.client.pool);
      if (pool === undefined) return undefined;
      const busy =
        pool.numUsed() > 0 ||
        pool.numPendingAcquires() > 0 ||
        pool.numPendingValidations() > 0 ||
        pool.numPendingCreates() > 0;
      // A connection the pool destroyed (idle timeout, validation, shutdown) is closed: never reused.
      if (busy || Reflect.get(connection, 'open') !== true) return undefined;
      return connection;
    },
    lent(db, connection) {
      last.set(db.client, connection);
    },
  };
}
