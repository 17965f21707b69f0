/**
 * Bench 1's hand-written handler on PostgreSQL: the kit's statements for one settlement
 * notification (its query log on PostgreSQL: the same as on MySQL, with `$n` placeholders),
 * straight through a `pg` pool — no Knex, no codec.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  eventPayload,
  type HandHandler,
  INSERT_OUTBOX,
  type Notification,
  SQL,
  values,
  verified,
} from './hand-webhook.js';

/** `?` placeholders → `$1, $2, …` (none of these statements has a `?` in a literal). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const PG = {
  insertNotification: numbered(SQL.insertNotification),
  findPayment: numbered(SQL.findPayment),
  lockPayment: `${numbered(SQL.lockPayment)} for update`,
  updatePayment: numbered(SQL.updatePayment),
  insertEvent: numbered(SQL.insertEvent),
  insertOutbox: `${numbered(INSERT_OUTBOX)} on conflict (event_id) do nothing returning event_id`,
  updateNotification: numbered(SQL.updateNotification),
  readNotification: numbered(SQL.readNotification),
};

/** The handler on a `pg` pool of `connections`. */
export function pgHandWebhook(
  url: string,
  connections: number,
): { handle: HandHandler; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const now = () => new Date();
  const handle: HandHandler = async (raw, headers) => {
    const body = JSON.parse(raw) as Notification;
    if (!verified(body)) return 401;
    const v = values(raw, headers, body, now);
    const notificationId = randomUUID();
    await pool.query(PG.insertNotification, v.notification(notificationId));
    await pool.query(PG.findPayment, [body.order_id]);
    const conn = await pool.connect();
    try {
      await conn.query('BEGIN');
      const { rows } = await conn.query(PG.lockPayment, [body.order_id]);
      const payment = rows[0] as Record<string, unknown> & { id: string };
      await conn.query(PG.updatePayment, v.payment(payment.id));
      await conn.query(PG.insertEvent, [
        now(),
        '{"transactionStatus":"settlement"}',
        randomUUID(),
        notificationId,
        payment.id,
        now(),
      ]);
      const eventId = `${payment.id}:paid`;
      await conn.query(PG.insertOutbox, [
        now(),
        now(),
        eventId,
        randomUUID(),
        eventPayload(payment, body),
        now(),
      ]);
      await conn.query(PG.updateNotification, [true, now(), payment.id, now(), notificationId]);
      await conn.query(PG.readNotification, [notificationId]);
      await conn.query('COMMIT');
    } catch (error) {
      await conn.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      conn.release();
    }
    return 200;
  };
  return { handle, close: () => pool.end() };
}
