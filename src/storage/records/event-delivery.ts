/**
 * Per-consumer delivery state of outbox events. A consumer is a name registered in the database; it
 * claims the events it has not had yet (and its own failed ones once due), delivers them, and marks
 * its own rows. An outbox event counts as delivered (`deliveredAt`) once every registered consumer
 * has it.
 */
import type { OutboxEvent } from './outbox-event.js';

/** An event claimed by one consumer. */
export interface ClaimedEvent {
  /** Id of the consumer's delivery row (what `markDelivered`/`markFailed` take). */
  deliveryId: string;
  /** Attempts this consumer made before this one. */
  attempts: number;
  /** The event. */
  event: OutboxEvent;
}

/** What one claim asks for. */
export interface ClaimQuery {
  /** The consumer claiming. */
  consumer: string;
  /** How many at most, 1–1000. */
  limit: number;
  /** Due means `availableAt` ≤ this. */
  now: Date;
  /** Claimed rows are hidden from the consumer's other processes until then. */
  leaseUntil: Date;
}

/** Delivery state outside a transaction. */
export interface EventDeliveryRepository {
  /** Register a consumer name (no error when it exists); true when it was new. */
  registerConsumer(name: string): Promise<boolean>;
  /** Forget a consumer and its delivery rows: events no longer wait for it. */
  removeConsumer(name: string): Promise<void>;
  /** Every registered consumer name, sorted. */
  listConsumers(): Promise<string[]>;
  /** Mark the consumer's rows delivered (one statement). */
  markDelivered(deliveryIds: readonly string[], deliveredAt: Date): Promise<void>;
  /** Count a failed attempt of one row and make it due again at `retryAt`. */
  markFailed(deliveryId: string, failure: { error: string; retryAt: Date }): Promise<void>;
  /**
   * Set the outbox `deliveredAt` of those of these events that every registered consumer has
   * delivered; returns how many were completed.
   */
  completeEvents(eventRowIds: readonly string[], deliveredAt: Date): Promise<number>;
  /** Whether the consumer has anything to claim now: an event it never had, or one of its rows due again. */
  hasDue(consumer: string, now: Date): Promise<boolean>;
  /** How many outbox events the consumer has not delivered yet (claimed, failed or never seen). */
  countPending(consumer: string): Promise<number>;
}

/** Delivery state inside `store.transaction`: adds claiming. */
export interface LockingEventDeliveryRepository extends EventDeliveryRepository {
  /**
   * Claim due events for a consumer: first its own rows that are due again (failed, or a lease that
   * ran out), passing over rows another process holds (SKIP LOCKED where the database has it), then
   * events it has never had, oldest first. Every claimed row is leased until `leaseUntil`.
   */
  claim(query: ClaimQuery): Promise<ClaimedEvent[]>;
}
