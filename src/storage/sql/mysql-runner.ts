/**
 * MySQL/MariaDB's statements through mysql2's callback API on Knex's connection. `execute` is a
 * server-side prepared statement, kept per connection by mysql2: the server parses each of the
 * kit's statement shapes once per connection instead of once per call.
 */
import type { Row } from '../codec.js';
import type { DriverAnswer, DriverCalls } from './driver-runner.js';

type Callback = (error: Error | null, result?: unknown) => void;

/** Driver calls for mysql2 connections. */
export function createMysqlCalls(): DriverCalls {
  return {
    execute(connection, sql, values, reads) {
      const execute: unknown = Reflect.get(connection, 'execute');
      if (typeof execute !== 'function') {
        return Promise.reject(new Error('The MySQL connection is not a mysql2 connection'));
      }
      return new Promise<DriverAnswer>((resolve, reject) => {
        const done: Callback = (error, result) => {
          if (error !== null) reject(error);
          else resolve(answerOf(result, reads));
        };
        execute.call(connection, sql, values, done);
      });
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
