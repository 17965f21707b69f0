/**
 * Bench 1's hand-written handler on MySQL/MariaDB: the kit's statements for one settlement
 * notification straight through a mysql2 pool — no Knex, no codec.
 */
import mysql from 'mysql2/promise';
import type { HandHandler } from './hand-webhook.js';
import {
  QUESTION_MARK_STATEMENTS,
  type RunStatement,
  type ServerDriver,
  serverHandWebhook,
} from './hand-webhook-server.js';

/** Whether a MySQL/MariaDB error is a deadlock or lock wait timeout (worth one more try). */
function transient(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

/** The handler on a mysql2 pool. Like the kit, it retries a transaction that lost a deadlock. */
export function mysqlHandWebhook(
  url: string,
  connections: number,
): { handle: HandHandler; close(): Promise<void> } {
  const pool = mysql.createPool({ uri: url, connectionLimit: connections });
  const runOn =
    (db: Pick<mysql.Pool, 'query'>): RunStatement =>
    async (sql, params) => {
      const [rows] = await db.query(sql, params);
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
    };
  const driver: ServerDriver = {
    run: runOn(pool),
    async inTransaction(work) {
      for (let attempt = 1; ; attempt++) {
        const conn = await pool.getConnection();
        try {
          await conn.query('BEGIN');
          await work(runOn(conn));
          await conn.query('COMMIT');
          return;
        } catch (error) {
          await conn.query('ROLLBACK').catch(() => undefined);
          if (!transient(error) || attempt >= 5) throw error;
        } finally {
          conn.release();
        }
      }
    },
  };
  return { handle: serverHandWebhook(QUESTION_MARK_STATEMENTS, driver), close: () => pool.end() };
}
