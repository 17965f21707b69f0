/**
 * The event bus: typed listeners over a durable outbox. `enqueue` writes the event inside the
 * caller's transaction and schedules a dispatch for after its commit (`event-dispatcher.ts`).
 * Delivery is at least once; `event.id` is stable.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { toJsonObject } from '../../storage/json.js';
import type { OutboxEvent } from '../../storage/records/outbox-event.js';
import type { Store, StoreTransaction } from '../../storage/store.js';
import { afterCommit } from '../core/after-commit.js';
import { errorDetail, type KitLogger } from '../core/logger.js';
import { createDispatcher, type DispatchResult, type EventBusOptions } from './event-dispatcher.js';
import type { KitEventListener, KitEvents, KitEventType } from './event-types.js';

export type { DispatchResult, EventBusOptions } from './event-dispatcher.js';
export * from './event-types.js';

/** Options of `enqueue`. */
export interface EnqueueOptions {
  /** Stable event id; an event with this id already in the outbox is not written again. */
  idempotencyKey?: string;
}

/** Typed listeners and the outbox dispatcher. */
export interface EventBus {
  /** Listen to one event type; returns a function that removes the listener. */
  on<T extends KitEventType>(type: T, listener: KitEventListener<T>): () => void;
  /** Remove a listener. */
  off<T extends KitEventType>(type: T, listener: KitEventListener<T>): void;
  /** Write an event in `tx`; it is dispatched after `tx` commits. */
  enqueue<T extends KitEventType>(
    tx: StoreTransaction,
    type: T,
    payload: KitEvents[T],
    options?: EnqueueOptions,
  ): Promise<OutboxEvent>;
  /** Deliver every due event now (left over by a crash, or due for a retry). */
  dispatchPending(): Promise<DispatchResult>;
  /**
   * Run `work` with the after-commit dispatch of events enqueued inside it held back: they stay
   * pending (durable, as always) until the caller runs `dispatchPending()` itself. For bulk work
   * (the reconciler's batches), where a claim-and-deliver round per changed row would be most of
   * the database time; the caller must dispatch before it reports back.
   */
  deferDispatch<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Run `work` with the after-commit dispatch held back, then dispatch once, also when `work`
   * throws: a flow of several transactions (a charge: its record, then Midtrans's answer) hands
   * all its events to the listeners in one claim round, in order, before it returns. Inside a
   * caller that already defers, `work` just runs: that caller dispatches.
   */
  dispatchAfter<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Start delivering due events without waiting for the listeners (the webhook answers Midtrans
   * first). A failure is logged; the events stay pending.
   */
  dispatchSoon(): void;
  /** Stop retry timers. Listeners stay registered. */
  close(): void;
}

/** What the bus needs. */
export interface EventBusDeps {
  /** The services' store (its transactions run after-commit work). */
  store: Store;
  /** Where dispatch problems go. */
  logger: KitLogger;
  /** The clock. */
  now: () => Date;
  /** Dispatch tuning. */
  options?: EventBusOptions;
}

// One for the process (see event-dispatcher.ts); the value names the bus that defers.
const deferring = new AsyncLocalStorage<symbol>();

/** Create an event bus over a store. */
export function createEventBus(deps: EventBusDeps): EventBus {
  const { logger } = deps;
  const listeners = new Map<KitEventType, Set<KitEventListener<KitEventType>>>();
  const scheduled = new WeakSet<StoreTransaction>();
  const self = Symbol('event bus');
  const listenersOf = (type: KitEventType) => {
    let set = listeners.get(type);
    if (set === undefined) {
      set = new Set();
      listeners.set(type, set);
    }
    return set;
  };
  const hasAnyListener = () => [...listeners.values()].some((set) => set.size > 0);
  const dispatcher = createDispatcher({ ...deps, listenersOf, hasAnyListener });
  const dispatch = () => dispatcher.dispatch();

  return {
    on(type, listener) {
      listenersOf(type).add(listener as KitEventListener<KitEventType>);
      return () => listenersOf(type).delete(listener as KitEventListener<KitEventType>);
    },
    off(type, listener) {
      listenersOf(type).delete(listener as KitEventListener<KitEventType>);
    },
    async enqueue(tx, type, payload, options = {}) {
      const eventId = options.idempotencyKey ?? randomUUID();
      const { event } = await tx.outbox.insertIfAbsent({
        eventId,
        type,
        payload: toJsonObject(payload, 'payload'),
      });
      if (!scheduled.has(tx) && deferring.getStore() !== self) {
        scheduled.add(tx);
        afterCommit(
          tx,
          async () => {
            try {
              await dispatch();
            } catch (error) {
              logger.error(errorDetail(error), 'midtrans-kit: event dispatch failed; events stay pending');
            }
          },
          'events',
        );
      }
      return event;
    },
    dispatchPending: dispatch,
    deferDispatch: (work) => deferring.run(self, work),
    async dispatchAfter(work) {
      if (deferring.getStore() === self) return work();
      try {
        return await deferring.run(self, work);
      } finally {
        await dispatch().catch((error: unknown) =>
          logger.error(errorDetail(error), 'midtrans-kit: event dispatch failed; events stay pending'),
        );
      }
    },
    dispatchSoon() {
      void dispatch().catch((error: unknown) =>
        logger.error(errorDetail(error), 'midtrans-kit: event dispatch failed; events stay pending'),
      );
    },
    close: () => dispatcher.close(),
  };
}
