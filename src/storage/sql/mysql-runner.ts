/**
 * MySQL/MariaDB's statements through mysql2's callback API on Knex's connection. `execute` is a
 * server-side prepared statement, kept per connection by mysql2: the server parses each of the
 * kit's statement shapes once per connection instead of once per call.
 */
import type { Row } from '../codec.js';
import { callDriver, type DriverAnswer, type DriverCalls } from './driver-runner.js';

/**
 * Statement texts prepared on the server per connection; the rest run unprepared. The server's
 * `max_prepared_stmt_count` (16,382 by default) is shared by every connection of every process,
 * so a fleet of app instances must not fill it: 64 covers the hot shapes, and at MySQL's default
 * 151 connections stays under 10,000 in all.
 */
export const MAX_PREPARED_PER_CONNECTION = 64;

/** Driver calls for mysql2 connections. */
export function createMysqlCalls(): DriverCalls {
  const prepared = new WeakMap<object, Set<string>>();
  // Whether `sql` runs prepared on `connection`: already prepared there, or room for one more.
  const runsPrepared = (connection: object, sql: string): boolean => {
    // A connection without `execute` (the older `mysql` package, which a host's own Knex may
    // use) runs everything unprepared; its answers have the same shape.
    if (typeof Reflect.get(connection, 'execute') !== 'function') return false;
    let texts = prepared.get(connection);
    if (texts === undefined) {
      texts = new Set();
      prepared.set(connection, texts);
    }
    if (texts.has(sql)) return true;
    if (texts.size >= MAX_PREPARED_PER_CONNECTION) return false;
    texts.add(sql);
    return true;
  };
  return {
    async execute(connection, sql, values, reads) {
      const method = runsPrepared(connection, sql) ? 'execute' : 'query';
      return answerOf(await callDriver(connection, method, [sql, values], 'MySQL connection'), reads);
    },
    async control(connection, sql) {
      // Unprepared: transaction statements are not all preparable, and they cost no parse worth saving.
      await callDriver(connection, 'query', [sql], 'MySQL connection');
    },
  };
}

function answerOf(result: unknown, reads: boolean): DriverAnswer {
  if (reads) {
    if (!Array.isArray(result)) throw new Error('MySQL answered a row statement without rows');
    return { rows: result as Row[], changes: 0 };
  }
  const changes =
    typeof result === 'object' && result !== null ? Reflect.get(result, 'affectedRows') : undefined;
  if (typeof changes !== 'number') throw new Error('MySQL answered a write without a row count');
  return { rows: [], changes };
}
