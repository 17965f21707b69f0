/**
 * SQLite's statements: better-sqlite3 statements prepared once per connection and SQL text. The
 * driver is synchronous and in-process, so Knex's builder and runner were most of the cost around
 * it (bench/FIXES.md).
 */
import type { Row } from '../codec.js';
import type { DriverCalls } from './driver-runner.js';

/** The part of a better-sqlite3 statement used here. */
interface PreparedStatement {
  all(values: readonly unknown[]): unknown[];
  run(values: readonly unknown[]): { changes: number };
}

/** Statements kept per connection; the kit's shapes are a few dozen, so the bound is a safety net. */
const STATEMENTS_PER_CONNECTION = 256;

/** Driver calls for better-sqlite3 connections. */
export function createSqliteCalls(): DriverCalls {
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
  return {
    synchronous: true,
    async execute(connection, sql, values, reads) {
      const statement = statementOf(connection, sql);
      const bound = values.map(toSqliteValue);
      if (reads) return { rows: statement.all(bound) as Row[], changes: 0 };
      return { rows: [], changes: statement.run(bound).changes };
    },
    async control(connection, sql) {
      statementOf(connection, sql).run([]);
    },
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
