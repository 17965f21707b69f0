/**
 * Bench 1's hand-written handler on PostgreSQL: the kit's statements for one settlement
 * notification (its query log on PostgreSQL: the same as on MySQL, with `$n` placeholders),
 * straight through a `pg` pool — no Knex, no codec.
 */
import pg from 'pg';
import type { HandHandler } from './hand-webhook.js';
import {
  QUESTION_MARK_STATEMENTS,
  type ServerDriver,
  type ServerStatements,
  serverHandWebhook,
} from './hand-webhook-server.js';

/** `?` placeholders → `$1, $2, …` (none of these statements has a `?` in a literal). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const PG_STATEMENTS = Object.fromEntries(
  Object.entries(QUESTION_MARK_STATEMENTS).map(([name, sql]) => [name, numbered(sql)]),
) as ServerStatements;
PG_STATEMENTS.insertOutbox = `${PG_STATEMENTS.insertOutbox} on conflict (event_id) do nothing returning event_id`;

/** The handler on a `pg` pool of `connections`. */
export function pgHandWebhook(
  url: string,
  connections: number,
): { handle: HandHandler; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const driver: ServerDriver = {
    run: async (sql, params) => (await pool.query(sql, params)).rows,
    async inTransaction(work) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        await work(async (sql, params) => (await conn.query(sql, params)).rows);
        await conn.query('COMMIT');
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    },
  };
  return { handle: serverHandWebhook(PG_STATEMENTS, driver), close: () => pool.end() };
}
