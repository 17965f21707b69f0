/**
 * The outbox: lifecycle events written in the same transaction as the change they describe, and
 * dispatched after commit (at least once; the stable event id lets consumers drop repeats).
 */
import type { JsonObject } from '../../wire-types.js';
import type { NewRecord, StoredRecord } from './common.js';

/** An outbox event as stored. */
export interface OutboxEvent extends StoredRecord {
  /** Stable, unique id of the event (e.g. derived from the payment id and the change). */
  eventId: string;
  /** Event type, e.g. `payment.paid`. */
  type: string;
  /** Event body. */
  payload: JsonObject;
  /** Dispatch attempts made so far. */
  attempts: number;
  /** Error of the last failed attempt. */
  lastError: string | null;
  /** Not to be dispatched before this time (back-off after a failure). */
  availableAt: Date;
  /** When it was dispatched; null while pending. */
  deliveredAt: Date | null;
}

/** Input of `outbox.insert`. Defaults: attempts 0, `availableAt` now. */
export type NewOutboxEvent = NewRecord<OutboxEvent, 'eventId' | 'type' | 'payload'>;

/** Query of `outbox.listDue`/`claimDue`. */
export interface DueOutboxQuery {
  /** Due means `availableAt` ≤ this (default: the store clock). */
  now?: Date;
  /** How many, 1–1000 (default 50). */
  limit?: number;
}

/** The event outbox outside a transaction. */
export interface OutboxRepository {
  /** Add an event; ConflictError if its event id exists. */
  insert(input: NewOutboxEvent): Promise<OutboxEvent>;
  /** Add an event unless its event id exists (no error, safe inside a PostgreSQL transaction). */
  insertIfAbsent(input: NewOutboxEvent): Promise<{ event: OutboxEvent; created: boolean }>;
  /** The event with this event id, or undefined. */
  findByEventId(eventId: string): Promise<OutboxEvent | undefined>;
  /** Undelivered events that are due, oldest `availableAt` first. */
  listDue(query?: DueOutboxQuery): Promise<OutboxEvent[]>;
  /** Mark delivered (at the store clock unless given). NotFoundError if absent. */
  markDelivered(id: string, deliveredAt?: Date): Promise<OutboxEvent>;
  /** Count a failed attempt and postpone the event to `retryAt`. NotFoundError if absent. */
  markFailed(id: string, failure: { error: string; retryAt: Date }): Promise<OutboxEvent>;
  /**
   * Move an event's `availableAt` without counting an attempt: a dispatcher leases the events it
   * claimed, so others pass over them while it delivers, and a crash only delays them. NotFoundError if absent.
   */
  postpone(id: string, availableAt: Date): Promise<OutboxEvent>;
  /** `markDelivered` for several events in one statement, without reading them back. */
  markManyDelivered(ids: readonly string[], deliveredAt?: Date): Promise<void>;
  /** `postpone` for several events in one statement, without reading them back (a dispatcher's lease). */
  postponeMany(ids: readonly string[], availableAt: Date): Promise<void>;
  /** Delete events delivered (to every consumer) before `before`, and their delivery rows; returns how many. */
  deleteDelivered(before: Date): Promise<number>;
}

/** The outbox inside `store.transaction`: adds claiming. */
export interface LockingOutboxRepository extends OutboxRepository {
  /**
   * Lock due events for dispatch. With `skipLocked` (MySQL 8, MariaDB 10.6, PostgreSQL) events held by
   * another dispatcher are passed over.
   */
  claimDue(query?: DueOutboxQuery & { skipLocked?: boolean }): Promise<OutboxEvent[]>;
}
