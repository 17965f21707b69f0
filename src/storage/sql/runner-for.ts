/** The driver calls a store uses on its database. */
import type { Dialect } from '../dialect.js';
import type { DriverCalls } from './driver-runner.js';
import { createMysqlCalls } from './mysql-runner.js';
import { createPostgresCalls } from './postgres-runner.js';
import { createSqliteCalls } from './sqlite-runner.js';

const calls: Record<Dialect['name'], () => DriverCalls> = {
  sqlite: createSqliteCalls,
  mysql: createMysqlCalls,
  postgres: createPostgresCalls,
};

/** The driver calls of `dialect` (better-sqlite3, mysql2, pg). */
export function driverCallsFor(dialect: Dialect): DriverCalls {
  return calls[dialect.name]();
}
