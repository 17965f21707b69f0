/**
 * PostgreSQL's statements through pg's callback API on Knex's connection. Unnamed statements on
 * purpose: a named (server-prepared) `select *` fails with "cached plan must not change result
 * type" once a migration adds a column while the connection lives — a rolling deploy would break
 * the processes still running.
 */
import type { Row } from '../codec.js';
import { callDriver, type DriverAnswer, type DriverCalls } from './driver-runner.js';

/** Driver calls for pg clients. */
export function createPostgresCalls(): DriverCalls {
  return {
    async execute(connection, sql, values) {
      return answerOf(await callDriver(connection, 'query', [{ text: sql, values }], 'pg client'));
    },
    async control(connection, sql) {
      await callDriver(connection, 'query', [sql], 'pg client');
    },
  };
}

function answerOf(result: unknown): DriverAnswer {
  const rows = typeof result === 'object' && result !== null ? Reflect.get(result, 'rows') : undefined;
  const count = typeof result === 'object' && result !== null ? Reflect.get(result, 'rowCount') : undefined;
  return { rows: Array.isArray(rows) ? (rows as Row[]) : [], changes: typeof count === 'number' ? count : 0 };
}
