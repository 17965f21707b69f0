/**
 * Reading a webhook body. Nothing here throws: a delivery must be recorded whatever it contains,
 * so every problem becomes a `malformed` reading with a reason instead of an exception.
 */

import type { NewNotification } from '../../storage/records/notification.js';
import type { JsonObject, WireNotification } from '../../wire-types.js';

/** Request headers as a Node server hands them over. */
export type IncomingHeaders = Record<string, string | string[] | undefined>;

/** The body fields copied onto the stored notification (as received, whatever their type). */
export type NotificationSummary = Pick<
  NewNotification,
  | 'orderId'
  | 'transactionId'
  | 'transactionStatus'
  | 'fraudStatus'
  | 'paymentType'
  | 'statusCode'
  | 'grossAmount'
  | 'signatureKey'
>;

/** The fields of a Pay Account notification the engine reads (the rest is kept as received). */
export interface PayAccountNotification extends Record<string, unknown> {
  /** Midtrans's account id. */
  account_id: string;
}

/** What a body turned out to be. */
export type ParsedNotification =
  /** A Payment Notification with every field the engine relies on. */
  | { kind: 'payment'; body: WireNotification; summary: NotificationSummary }
  /** A Recurring Notification (subscription created or charged): no order id, no signature. */
  | { kind: 'recurring'; body: Record<string, unknown>; summary: NotificationSummary }
  /** A Pay Account notification (a GoPay account linked or unlinked): an account id, no order id. */
  | { kind: 'pay_account'; body: PayAccountNotification; summary: NotificationSummary }
  /** Not JSON, not an object, or a required field missing or not a string. */
  | { kind: 'malformed'; reason: string; summary: NotificationSummary };

// The signature covers order_id, status_code and gross_amount; transaction_status drives the change.
const REQUIRED = ['order_id', 'status_code', 'gross_amount', 'transaction_status', 'signature_key'] as const;

/** The body as text; a Buffer is decoded as UTF-8 (what Midtrans sends). */
export function bodyText(rawBody: string | Buffer): string {
  return typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
}

/** Classify a raw body and pull out its summary fields. */
export function parseNotification(text: string): ParsedNotification {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: 'body is not valid JSON', summary: {} };
  }
  if (!isRecord(value)) return { kind: 'malformed', reason: 'body is not a JSON object', summary: {} };
  const summary = summarize(value);
  if (isRecurringEvent(value)) return { kind: 'recurring', body: value, summary };
  if (value.order_id === undefined && typeof value.account_id === 'string' && value.account_id !== '') {
    return { kind: 'pay_account', body: { ...value, account_id: value.account_id }, summary };
  }
  const missing = REQUIRED.filter((field) => typeof value[field] !== 'string' || value[field] === '');
  if (missing.length > 0) {
    return { kind: 'malformed', reason: `missing or non-string field(s): ${missing.join(', ')}`, summary };
  }
  if (value.transaction_id !== undefined && typeof value.transaction_id !== 'string') {
    return { kind: 'malformed', reason: 'transaction_id is not a string', summary };
  }
  return { kind: 'payment', body: value as WireNotification, summary };
}

/** Headers as a JSON object with lower-case names; absent values are dropped. */
export function headersJson(headers: IncomingHeaders): JsonObject {
  const result: JsonObject = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name.toLowerCase()] = Array.isArray(value) ? [...value] : value;
  }
  return result;
}

function summarize(body: Record<string, unknown>): NotificationSummary {
  return {
    orderId: text(body.order_id),
    transactionId: text(body.transaction_id),
    transactionStatus: text(body.transaction_status),
    fraudStatus: text(body.fraud_status),
    paymentType: text(body.payment_type),
    statusCode: text(body.status_code),
    grossAmount: text(body.gross_amount),
    signatureKey: text(body.signature_key),
  };
}

/**
 * The Recurring Notification URL receives `{ transaction, subscription, event_name }` per charge and
 * the bare subscription object on creation; neither has an order id (docs/midtrans-wire.md §8).
 */
function isRecurringEvent(body: Record<string, unknown>): boolean {
  if (body.order_id !== undefined) return false;
  return (
    isRecord(body.subscription) ||
    typeof body.event_name === 'string' ||
    (isRecord(body.schedule) && typeof body.id === 'string')
  );
}

// A number or boolean is kept as its text so the audit row shows what came; objects are not copied.
function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
