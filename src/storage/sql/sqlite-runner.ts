/**
 * The statement runner for SQLite: better-sqlite3 statements prepared once per connection and
 * SQL text, run on the connection Knex holds for the transaction (or lends from its pool). It
 * bypasses Knex entirely, so it reports each statement to the store's statement tap itself.
 */
import type { Row } from '../codec.js';
import type { StatementTap } from '../statement-tap.js';
import type { Runnable, StatementRunner } from './statement-runner.js';

/** The part of a better-sqlite3 statement the runner uses. */
interface PreparedStatement {
  all(values: readonly unknown[]): unknown[];
  run(values: readonly unknown[]): { changes: number };
}

/** Statements kept per connection; the kit's shapes are a few dozen, so the bound is a safety net. */
const STATEMENTS_PER_CONNECTION = 256;

/** A runner over better-sqlite3 connections taken from `db`'s Knex client. */
export function createSqliteRunner(tap: StatementTap): StatementRunner {
  const prepared = new WeakMap<object, Map<string, PreparedStatement>>();
  const statementOf = (connection: object, sql: string): PreparedStatement => {
    let statements = prepared.get(connection);
    if (statements === undefined) {
      statements = new Map();
      prepared.set(connection, statements);
    }
    let statement = statements.get(sql);
    if (statement === undefined) {
      if (statements.size >= STATEMENTS_PER_CONNECTION) statements.clear();
      statement = prepare(connection, sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const run = async <R>(
    db: Runnable,
    sql: string,
    values: readonly unknown[],
    use: (statement: PreparedStatement, bound: unknown[]) => R,
  ): Promise<R> => {
    // Inside a transaction this is the transaction's connection; outside, one lent by the pool.
    const connection: unknown = await db.client.acquireConnection();
    try {
      if (typeof connection !== 'object' || connection === null) throw notBetterSqlite();
      const statement = statementOf(connection, sql);
      if (tap.listening) {
        const id: unknown = Reflect.get(connection, '__knexUid');
        tap.report({
          sql,
          bindingCount: values.length,
          connectionId: typeof id === 'string' ? id : undefined,
          roundTrip: true,
        });
      }
      return use(statement, values.map(toSqliteValue));
    } finally {
      await db.client.releaseConnection(connection);
    }
  };
  return {
    rows: (db, sql, values) => run(db, sql, values, (statement, bound) => statement.all(bound) as Row[]),
    write: (db, sql, values) => run(db, sql, values, (statement, bound) => statement.run(bound).changes),
  };
}

/** Values as Knex's better-sqlite3 dialect binds them: dates as epoch milliseconds, booleans as 0/1. */
function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function prepare(connection: object, sql: string): PreparedStatement {
  const prepareFn: unknown = Reflect.get(connection, 'prepare');
  if (typeof prepareFn !== 'function') throw notBetterSqlite();
  const statement: unknown = prepareFn.call(connection, sql);
  if (!isPreparedStatement(statement)) throw notBetterSqlite();
  return statement;
}

function isPreparedStatement(value: unknown): value is PreparedStatement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'all') === 'function' &&
    typeof Reflect.get(value, 'run') === 'function'
  );
}

function notBetterSqlite(): Error {
  return new Error(
    'The SQLite connection is not a better-sqlite3 database (the only SQLite driver supported)',
  );
}
