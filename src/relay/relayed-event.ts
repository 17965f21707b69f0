/**
 * The message body every sink writes and every consumer helper reads: one JSON object per event.
 * Decoding gives the same typed `KitEvent` an in-process consumer receives.
 */
import { ValidationError } from '../errors.js';
import { decodePayload } from '../services/events/event-payload.js';
import { KIT_EVENT_TYPES, type KitEvent, type KitEventType } from '../services/events/event-types.js';
import type { JsonObject } from '../wire-types.js';
import type { RelayedEvent } from './event-sink.js';

const RECORD_KEYS = [
  'paymentLink',
  'payment',
  'invoice',
  'subscription',
  'notification',
  'gopayAccount',
] as const;

/**
 * Fields a relayed event leaves out: the raw Midtrans bodies a record keeps (a card charge's request
 * holds its `token_id`, a notification its signature), a subscription's saved card token and a
 * linked GoPay account's payment-option token. They
 * stay in the kit's database for staff; a message leaves the process for other services. A
 * consumer that needs one reads the record through the kit.
 */
const WITHHELD: Readonly<Record<string, readonly string[]>> = {
  payment: ['chargeRequest', 'chargeResponse', 'lastResponse'],
  refund: ['response'],
  invoice: ['request', 'response'],
  paymentLink: ['request', 'response'],
  subscription: ['token', 'request', 'response'],
  notification: ['rawBody', 'headers'],
  gopayAccount: ['paymentOptionToken'],
};

/** The payload as a broker may carry it (see `WITHHELD`). */
export function relayablePayload(payload: JsonObject): JsonObject {
  const out: JsonObject = { ...payload };
  for (const [record, fields] of Object.entries(WITHHELD)) {
    const value = out[record];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const copy: JsonObject = { ...value };
    // Emptied rather than removed, so the record keeps its type: null, and '' for the one text
    // field that is never null (a notification's raw body).
    for (const field of fields) if (field in copy) copy[field] = field === 'rawBody' ? '' : null;
    out[record] = copy;
  }
  return out;
}

/** Id of the record an event payload is about: its order key. */
export function eventKey(type: KitEventType, payload: JsonObject): string {
  const record = payload[type.slice(0, type.indexOf('.'))];
  if (record !== null && typeof record === 'object' && !Array.isArray(record)) {
    const id = record.id;
    if (typeof id === 'string') return id;
  }
  for (const name of RECORD_KEYS) {
    const value = payload[name];
    if (
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      typeof value.id === 'string'
    ) {
      return value.id;
    }
  }
  return '';
}

/** The message body of an event. */
export function encodeRelayedEvent(event: RelayedEvent): string {
  return JSON.stringify(event);
}

const isEventType = (value: unknown): value is KitEventType =>
  typeof value === 'string' && (KIT_EVENT_TYPES as readonly string[]).includes(value);

/**
 * Read a message body written by a sink back into a typed event (records' dates restored).
 * @throws ValidationError when the body is not a midtrans-kit event.
 */
export function decodeRelayedEvent(body: string | Uint8Array): KitEvent {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError([{ field: 'body', reason: 'is not JSON' }]);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ValidationError([{ field: 'body', reason: 'is not an object' }]);
  }
  const { id, type, occurredAt, payload } = parsed as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') throw new ValidationError([{ field: 'id', reason: 'is missing' }]);
  if (!isEventType(type))
    throw new ValidationError([{ field: 'type', reason: 'is not a midtrans-kit event type' }]);
  if (typeof occurredAt !== 'string')
    throw new ValidationError([{ field: 'occurredAt', reason: 'is missing' }]);
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ValidationError([{ field: 'payload', reason: 'is not an object' }]);
  }
  const decoded = decodePayload(type, payload as Record<string, unknown>);
  return { ...decoded, id, type, occurredAt: new Date(occurredAt), attempt: 1, payload: decoded } as KitEvent;
}
