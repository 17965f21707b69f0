/**
 * PostgreSQL's statements through pg's callback API on Knex's connection. Unnamed statements on
 * purpose: a named (server-prepared) `select *` fails with "cached plan must not change result
 * type" once a migration adds a column while the connection lives — a rolling deploy would break
 * the processes still running.
 */
import type { Row } from '../codec.js';
import type { DriverAnswer, DriverCalls } from './driver-runner.js';

type Callback = (error: Error | null, result?: unknown) => void;

/** Driver calls for pg clients. */
export function createPostgresCalls(): DriverCalls {
  return {
    execute(connection, sql, values) {
      const query: unknown = Reflect.get(connection, 'query');
      if (typeof query !== 'function') {
        return Promise.reject(new Error('The PostgreSQL connection is not a pg client'));
      }
      return new Promise<DriverAnswer>((resolve, reject) => {
        const done: Callback = (error, result) => {
          if (error !== null) reject(error);
          else resolve(answerOf(result));
        };
        query.call(connection, { text: sql, values }, done);
      });
    },
  };
}

function answerOf(result: unknown): DriverAnswer {
  const rows = typeof result === 'object' && result !== null ? Reflect.get(result, 'rows') : undefined;
  const count = typeof result === 'object' && result !== null ? Reflect.get(result, 'rowCount') : undefined;
  return { rows: Array.isArray(rows) ? (rows as Row[]) : [], changes: typeof count === 'number' ? count : 0 };
}
