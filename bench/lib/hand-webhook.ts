/**
 * The hand-written comparison of bench 1: a minimal webhook handler that runs the statements the
 * kit runs for one settlement notification (captured from its query log), in the same order and
 * transactions, straight through better-sqlite3 or mysql2 — no Knex, no codec, no abstraction.
 * Like the kit, it writes the event (carrying the changed payment, as the kit's does) to the outbox
 * and leaves its delivery to a consumer, off the request path. It only handles what the bench
 * sends (a valid settlement of a pending payment).
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import Database from 'better-sqlite3';
import { SERVER_KEY } from './keys.js';

/** Handles one raw body; resolves with the HTTP status. */
export type HandHandler = (rawBody: string, headers: Record<string, unknown>) => Promise<number>;

export interface Notification {
  order_id: string;
  status_code: string;
  gross_amount: string;
  signature_key: string;
  transaction_id: string;
  transaction_status: string;
  fraud_status: string;
  payment_type: string;
  status_message: string;
  va_numbers: { va_number: string; bank: string }[];
}

export function verified(body: Notification): boolean {
  const expected = createHash('sha512')
    .update(body.order_id + body.status_code + body.gross_amount + SERVER_KEY)
    .digest('hex');
  return timingSafeEqual(Buffer.from(expected), Buffer.from(body.signature_key));
}

export const T = {
  p: 'mtb_payments',
  n: 'mtb_notifications',
  e: 'mtb_payment_events',
  o: 'mtb_outbox_events',
};

/** The statements, as SQL text shared by both drivers (`?` placeholders). */
export const SQL = {
  insertNotification: `insert into ${T.n} (created_at, error, fraud_status, gross_amount, headers, id, order_id, outcome, payment_id, payment_type, processed_at, raw_body, received_at, replay_of, signature_key, signature_valid, status_code, transaction_id, transaction_status, updated_at) values (?, null, ?, ?, ?, ?, ?, 'received', null, ?, null, ?, ?, null, ?, null, ?, ?, ?, ?)`,
  findPayment: `select id from ${T.p} where order_id = ? limit 1`,
  lockPayment: `select * from ${T.p} where order_id = ? limit 1`,
  updatePayment: `update ${T.p} set transaction_id = ?, payment_type = ?, status = 'paid', transaction_status = ?, fraud_status = ?, status_code = ?, status_message = ?, bank = ?, va_number = ?, last_response = ?, updated_at = ?, version = version + 1 where id = ?`,
  insertEvent: `insert into ${T.e} (created_at, data, from_status, id, notification_id, payment_id, source, to_status, updated_at) values (?, ?, 'pending', ?, ?, ?, 'notification', 'paid', ?)`,
  updateNotification: `update ${T.n} set signature_valid = ?, outcome = 'applied', error = null, processed_at = ?, payment_id = ?, updated_at = ? where id = ?`,
  readNotification: `select * from ${T.n} where id = ? limit 1`,
};
export const INSERT_OUTBOX = `insert into ${T.o} (attempts, available_at, created_at, delivered_at, event_id, id, last_error, payload, type, updated_at) values (0, ?, ?, null, ?, ?, null, ?, 'payment.paid', ?)`;

/** The per-notification values both drivers bind, in statement order. */
export function values(
  raw: string,
  headers: Record<string, unknown>,
  body: Notification,
  now: () => unknown,
) {
  return {
    notification: (id: string) => [
      now(),
      body.fraud_status,
      body.gross_amount,
      JSON.stringify(headers),
      id,
      body.order_id,
      body.payment_type,
      raw,
      now(),
      body.signature_key,
      body.status_code,
      body.transaction_id,
      body.transaction_status,
      now(),
    ],
    payment: (id: string) => [
      body.transaction_id,
      body.payment_type,
      body.transaction_status,
      body.fraud_status,
      body.status_code,
      body.status_message,
      body.va_numbers[0]?.bank ?? null,
      body.va_numbers[0]?.va_number ?? null,
      raw,
      now(),
      id,
    ],
  };
}

/** The event the handler writes: the changed payment, as the kit's `payment.paid` carries it. */
export function eventPayload(payment: Record<string, unknown>, body: Notification): string {
  return JSON.stringify({
    payment: { ...payment, status: 'paid', transaction_status: body.transaction_status, last_response: body },
    from: 'pending',
    to: 'paid',
  });
}

/** The handler on better-sqlite3 (synchronous; the whole notification runs in one turn). */
export function sqliteHandWebhook(file: string): HandHandler {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const st = Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)])) as Record<
    keyof typeof SQL,
    Database.Statement
  >;
  const insertOutbox = db.prepare(`${INSERT_OUTBOX} on conflict (event_id) do nothing returning event_id`);
  const lock = db.prepare(`update ${T.o} set id = id where 1 = 0`);
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const now = () => Date.now();
  return async (raw, headers) => {
    const body = JSON.parse(raw) as Notification;
    if (!verified(body)) return 401;
    const v = values(raw, headers, body, now);
    const notificationId = randomUUID();
    st.insertNotification.run(...v.notification(notificationId));
    st.findPayment.get(body.order_id);
    begin.run();
    lock.run();
    const payment = st.lockPayment.get(body.order_id) as { id: string };
    st.updatePayment.run(...v.payment(payment.id));
    st.insertEvent.run(
      now(),
      '{"transactionStatus":"settlement"}',
      randomUUID(),
      notificationId,
      payment.id,
      now(),
    );
    const eventId = `${payment.id}:paid`;
    insertOutbox.get(now(), now(), eventId, randomUUID(), eventPayload(payment, body), now());
    st.updateNotification.run(1, now(), payment.id, now(), notificationId);
    st.readNotification.get(notificationId);
    commit.run();
    return 200;
  };
}
