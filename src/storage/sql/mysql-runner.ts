/**
 * MySQL/MariaDB's statements through mysql2's callback API on Knex's connection. `execute` is a
 * server-side prepared statement, kept per connection by mysql2: the server parses each of the
 * kit's statement shapes once per connection instead of once per call.
 */
import type { Row } from '../codec.js';
import { callDriver, type DriverAnswer, type DriverCalls } from './driver-runner.js';

/** Driver calls for mysql2 connections. */
export function createMysqlCalls(): DriverCalls {
  return {
    async execute(connection, sql, values, reads) {
      // A connection without `execute` (the older `mysql` package, which a host's own Knex may
      // use) runs the same text unprepared; the answers have the same shape.
      const method = typeof Reflect.get(connection, 'execute') === 'function' ? 'execute' : 'query';
      return answerOf(await callDriver(connection, method, [sql, values], 'MySQL connection'), reads);
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
