/** The event bus's public shape: listeners, named consumers, the outbox. See events.ts. */
import type { ClaimedEvent } from '../../storage/records/event-delivery.js';
import type { OutboxEvent } from '../../storage/records/outbox-event.js';
import type { Store, StoreTransaction } from '../../storage/store.js';
import type { KitLogger } from '../core/logger.js';
import type { DispatchResult, EventBusOptions } from './consumer-runner.js';
import type { KitEventHandlers, KitEventListener, KitEvents, KitEventType } from './event-types.js';

/** Options of `enqueue`. */
export interface EnqueueOptions {
  /** Stable event id; an event with this id already in the outbox is not written again. */
  idempotencyKey?: string;
}

/** A consumer started in this process. */
export interface EventConsumer {
  /** Its name. */
  readonly name: string;
  /** Deliver everything due to it now; resolves after. */
  deliverPending(): Promise<DispatchResult>;
  /** Stop consuming in this process (its delivery state stays: it resumes where it stopped). */
  stop(): Promise<void>;
}

/**
 * Receives claimed events in batches, in order; resolves once all are handled. A rejection
 * leaves the whole batch pending, to be delivered again (a relay: the broker had not confirmed).
 */
export type BatchHandler = (events: readonly ClaimedEvent[]) => Promise<void>;

/** Typed listeners, named consumers and the outbox. */
export interface EventBus {
  /** Listen to one event type (the `default` consumer); returns a function that removes the listener. */
  on<T extends KitEventType>(type: T, listener: KitEventListener<T>): () => void;
  /** Remove a listener. */
  off<T extends KitEventType>(type: T, listener: KitEventListener<T>): void;
  /**
   * Consume events under a durable name: every event written from now on, or still pending when it
   * registers, reaches the name once (at least once), whichever process of it is running.
   */
  consume(name: string, handlers: KitEventHandlers, options?: EventBusOptions): EventConsumer;
  /** `consume` with a handler of whole batches (relays to a message broker). */
  consumeBatches(name: string, handler: BatchHandler, options?: EventBusOptions): EventConsumer;
  /** Forget a consumer for good: events no longer wait for it. */
  removeConsumer(name: string): Promise<void>;
  /** Write an event in `tx`; this process's consumers are woken after `tx` commits. */
  enqueue<T extends KitEventType>(
    tx: StoreTransaction,
    type: T,
    payload: KitEvents[T],
    options?: EnqueueOptions,
  ): Promise<OutboxEvent>;
  /** Deliver every event due to this process's consumers now (none: nothing happens). */
  dispatchPending(): Promise<DispatchResult>;
  /** Stop every consumer of this process and wait for deliveries in progress. */
  close(): Promise<void>;
}

/** What the bus needs. */
export interface EventBusDeps {
  /** The services' store (its transactions run after-commit work). */
  store: Store;
  /** Where delivery problems go. */
  logger: KitLogger;
  /** The clock. */
  now: () => Date;
  /** Delivery tuning, the default of every consumer. */
  options?: EventBusOptions;
}
