/**
 * The statement runner for MySQL/MariaDB and PostgreSQL: the store's SQL text through `raw`, so
 * Knex's pool, transactions and `query` events (the statement tap) stay as they are and only the
 * query builder is skipped.
 */
import type { Knex } from 'knex';
import type { Row } from '../codec.js';
import type { StatementRunner } from './statement-runner.js';

/** A runner over `db.raw` (placeholders `?`, which Knex turns into `$n` for PostgreSQL). */
export function createKnexRunner(): StatementRunner {
  return {
    async rows(db, sql, values) {
      return rowsOf(await db.raw(sql, values as Knex.RawBinding[]));
    },
    async write(db, sql, values) {
      return changesOf(await db.raw(sql, values as Knex.RawBinding[]));
    },
  };
}

/** The rows of a raw answer: pg's `{ rows }`, mysql2's `[rows, fields]`. */
function rowsOf(answer: unknown): Row[] {
  const rows = Array.isArray(answer) ? answer[0] : field(answer, 'rows');
  if (!Array.isArray(rows)) throw new Error('The database answered a row statement without rows');
  return rows;
}

/** The changed-row count of a raw answer: pg's `rowCount`, mysql2's `affectedRows`. */
function changesOf(answer: unknown): number {
  const count = Array.isArray(answer) ? field(answer[0], 'affectedRows') : field(answer, 'rowCount');
  if (typeof count !== 'number') throw new Error('The database answered a write without a row count');
  return count;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}
