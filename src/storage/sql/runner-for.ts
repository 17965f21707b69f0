/** The statement runner a store uses on its database. */
import type { Dialect } from '../dialect.js';
import type { StatementTap } from '../statement-tap.js';
import { createKnexRunner } from './knex-runner.js';
import { createSqliteRunner } from './sqlite-runner.js';
import type { StatementRunner } from './statement-runner.js';

/**
 * SQLite: better-sqlite3's own prepared statements (the driver runs on this thread, so Knex's
 * builder and runner were most of the cost around it). MySQL/MariaDB and PostgreSQL: Knex's `raw`.
 */
export function createStatementRunner(dialect: Dialect, tap: StatementTap): StatementRunner {
  return dialect.name === 'sqlite' ? createSqliteRunner(tap) : createKnexRunner();
}
