/**
 * Event payloads go through a JSON column, so Dates become strings on the way in. They are turned
 * back into Dates on the way out, field by field for the records an event carries, so a listener
 * sees the same record types the services return (and nothing in `metadata` is guessed at).
 */
import type { KitEvents, KitEventType } from './event-types.js';

const RECORD_DATES: Readonly<Record<string, readonly string[]>> = {
  payment: [
    'createdAt',
    'updatedAt',
    'expiryTime',
    'transactionTime',
    'settlementTime',
    'reconcileLeaseUntil',
  ],
  refund: ['createdAt', 'updatedAt'],
  notification: ['createdAt', 'updatedAt', 'receivedAt', 'processedAt'],
  invoice: ['createdAt', 'updatedAt', 'invoiceDate', 'dueDate', 'paidAt'],
  paymentLink: ['createdAt', 'updatedAt', 'startsAt', 'expiresAt', 'deletedAt'],
  subscription: [
    'createdAt',
    'updatedAt',
    'startTime',
    'previousExecutionAt',
    'nextExecutionAt',
    'lastChargeAt',
  ],
  gopayAccount: ['createdAt', 'updatedAt', 'linkedAt', 'unlinkedAt'],
};

/** The payload with the records' Dates restored. */
export function decodePayload<T extends KitEventType>(_type: T, json: Record<string, unknown>): KitEvents[T] {
  const out: Record<string, unknown> = { ...json };
  for (const [key, fields] of Object.entries(RECORD_DATES)) {
    const record = out[key];
    if (record === null || typeof record !== 'object' || Array.isArray(record)) continue;
    const copy: Record<string, unknown> = { ...record };
    for (const field of fields) {
      const value = copy[field];
      if (typeof value === 'string') copy[field] = new Date(value);
    }
    out[key] = copy;
  }
  return out as unknown as KitEvents[T];
}
