/**
 * Bench 1's hand-written handler on a database server (MySQL/MariaDB through mysql2, PostgreSQL
 * through pg): the kit's statements for one settlement notification, in its order and
 * transactions. The drivers differ only in how a statement runs and how a transaction is held.
 */
import { randomUUID } from 'node:crypto';
import {
  eventPayload,
  type HandHandler,
  INSERT_OUTBOX,
  type Notification,
  SQL,
  values,
  verified,
} from './hand-webhook.js';

/** Runs one statement; resolves with its rows (none for a write). */
export type RunStatement = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** What a server handler needs from its driver. */
export interface ServerDriver {
  /** A statement outside any transaction. */
  run: RunStatement;
  /** `work` inside BEGIN … COMMIT (ROLLBACK when it throws). */
  inTransaction(work: (run: RunStatement) => Promise<void>): Promise<void>;
}

/** The statements in the driver's placeholder style; `lockPayment` with its `for update`. */
export type ServerStatements = Record<keyof typeof SQL | 'insertOutbox', string>;

/** The statements with `?` placeholders (MySQL/MariaDB). */
export const QUESTION_MARK_STATEMENTS: ServerStatements = {
  ...SQL,
  lockPayment: `${SQL.lockPayment} for update`,
  insertOutbox: INSERT_OUTBOX,
};

/** The handler over `driver`. */
export function serverHandWebhook(sql: ServerStatements, driver: ServerDriver): HandHandler {
  const now = () => new Date();
  return async (raw, headers) => {
    const body = JSON.parse(raw) as Notification;
    if (!verified(body)) return 401;
    const v = values(raw, headers, body, now);
    const notificationId = randomUUID();
    await driver.run(sql.insertNotification, v.notification(notificationId));
    await driver.run(sql.findPayment, [body.order_id]);
    await driver.inTransaction(async (run) => {
      const [payment] = (await run(sql.lockPayment, [body.order_id])) as (Record<string, unknown> & {
        id: string;
      })[];
      if (payment === undefined) throw new Error(`no payment ${body.order_id}`);
      await run(sql.updatePayment, v.payment(payment.id));
      await run(sql.insertEvent, [
        now(),
        '{"transactionStatus":"settlement"}',
        randomUUID(),
        notificationId,
        payment.id,
        now(),
      ]);
      const outbox = [now(), now(), `${payment.id}:paid`, randomUUID(), eventPayload(payment, body), now()];
      await run(sql.insertOutbox, outbox);
      await run(sql.updateNotification, [true, now(), payment.id, now(), notificationId]);
      await run(sql.readNotification, [notificationId]);
    });
    return 200;
  };
}
