/**
 * The outbox dispatcher of one event bus: claims due events (SKIP LOCKED where the database has
 * it) and leases them so other dispatchers pass over them, hands each to the listeners, marks it
 * delivered — or, when a listener throws, logs it and postpones the event with exponential
 * back-off, retrying on a timer while the kit runs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { OutboxEvent } from '../../storage/records/outbox-event.js';
import type { Store } from '../../storage/store.js';
import { errorDetail, type KitLogger } from '../core/logger.js';
import { decodePayload } from './event-payload.js';
import type { KitEvent, KitEventListener, KitEventType } from './event-types.js';

// Bounds one run, so a flood of new events cannot keep a caller waiting forever.
const MAX_ROUNDS = 20;

/** Outcome of one dispatch run. */
export interface DispatchResult {
  /** Events handed to every listener without error (events nobody listens to count too). */
  delivered: number;
  /** Events a listener threw on; they are retried later. */
  failed: number;
}

/** Dispatch tuning (kit option `events`). */
export interface EventBusOptions {
  /** First retry delay after a listener error, in ms; doubled per attempt. Default 1000. */
  retryBaseMs?: number;
  /** Longest retry delay, in ms. Default 3,600,000 (1 h). */
  retryMaxMs?: number;
  /** Events claimed per round. Default 50. */
  batchSize?: number;
  /** How long a claimed event is hidden from other dispatchers while being delivered. Default 60,000. */
  leaseMs?: number;
}

/** What a dispatcher needs. */
export interface DispatcherDeps {
  /** The store (outside any transaction). */
  store: Store;
  /** Where listener failures go. */
  logger: KitLogger;
  /** The clock. */
  now: () => Date;
  /** The listeners of a type, read at delivery time. */
  listenersOf: (type: KitEventType) => ReadonlySet<KitEventListener<KitEventType>>;
  /** Whether any listener of any type is registered in this process. */
  hasAnyListener: () => boolean;
  /** Tuning. */
  options?: EventBusOptions;
}

/** A running dispatcher. */
export interface Dispatcher {
  /** Deliver every due event now; see `EventBus.dispatchPending`. */
  dispatch(): Promise<DispatchResult>;
  /** Stop retry timers. */
  close(): void;
}

// One for the process, not one per kit: every AsyncLocalStorage adds work to each promise created
// afterwards (on Node 20) until it is disabled, so kits created and closed by the thousand (tests,
// the simulation) made every later promise slower.
const insideListener = new AsyncLocalStorage<symbol>();

/** Create the dispatcher of one bus. */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { store, logger, now, listenersOf, hasAnyListener } = deps;
  const retryBaseMs = deps.options?.retryBaseMs ?? 1000;
  const retryMaxMs = deps.options?.retryMaxMs ?? 3_600_000;
  const batchSize = deps.options?.batchSize ?? 50;
  const leaseMs = deps.options?.leaseMs ?? 60_000;
  const timers = new Set<NodeJS.Timeout>();
  let running: Promise<DispatchResult> | undefined;
  let queued: Promise<DispatchResult> | undefined;
  let again = false;
  // Marks this dispatcher's listeners, so a listener of one kit calling another kit is not
  // mistaken for re-entry.
  const self = Symbol('dispatcher');
  let closed = false;

  async function deliver(event: OutboxEvent): Promise<boolean> {
    const type = event.type as KitEventType;
    const payload = decodePayload(type, event.payload);
    const kitEvent = {
      ...payload,
      id: event.eventId,
      type,
      occurredAt: event.createdAt,
      attempt: event.attempts + 1,
      payload,
    } as KitEvent;
    try {
      for (const listener of [...listenersOf(type)]) {
        await insideListener.run(self, async () => listener(kitEvent));
      }
      return true;
    } catch (error) {
      const delay = Math.min(retryBaseMs * 2 ** event.attempts, retryMaxMs);
      logger.error(
        {
          eventId: event.eventId,
          type,
          attempt: event.attempts + 1,
          retryInMs: delay,
          ...errorDetail(error),
        },
        'midtrans-kit: event listener failed; the event will be retried',
      );
      await store.outbox.markFailed(event.id, {
        error: error instanceof Error ? error.message : String(error),
        retryAt: new Date(now().getTime() + delay),
      });
      scheduleRetry(delay);
      return false;
    }
  }

  function scheduleRetry(delay: number): void {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void dispatch().catch((error: unknown) =>
        logger.error(errorDetail(error), 'midtrans-kit: event dispatch failed'),
      );
    }, delay + 10);
    timer.unref();
    timers.add(timer);
  }

  async function claim(): Promise<OutboxEvent[]> {
    return store.transaction(async (tx) => {
      const due = await tx.outbox.claimDue({ skipLocked: true, limit: batchSize, now: now() });
      const leaseUntil = new Date(now().getTime() + leaseMs);
      await tx.outbox.postponeMany(
        due.map((event) => event.id),
        leaseUntil,
      );
      return due;
    });
  }

  async function run(): Promise<DispatchResult> {
    const result: DispatchResult = { delivered: 0, failed: 0 };
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const claimed = await claim();
      const delivered: string[] = [];
      for (const event of claimed) {
        if (await deliver(event)) delivered.push(event.id);
        else result.failed++;
      }
      // One statement per round. A crash before it redelivers the round (at least once, as documented).
      await store.outbox.markManyDelivered(delivered, now());
      result.delivered += delivered.length;
      if (claimed.length < batchSize) break;
    }
    return result;
  }

  // One run at a time per bus; a call during a run waits for one more run, which sees its events.
  // A call made from inside a listener (the listener changed a payment) must not wait: the run is
  // waiting for that listener. It asks for another round instead, and returns at once.
  function dispatch(): Promise<DispatchResult> {
    // A process that listens to nothing (the CLI's reconcile, a worker that only reconciles)
    // must not mark events delivered: they stay pending for the host's process to deliver.
    if (!hasAnyListener()) return Promise.resolve({ delivered: 0, failed: 0 });
    if (insideListener.getStore() === self) {
      again = true;
      return Promise.resolve({ delivered: 0, failed: 0 });
    }
    if (running === undefined) {
      running = runRounds().finally(() => {
        running = undefined;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return dispatch();
      });
    return queued;
  }

  async function runRounds(): Promise<DispatchResult> {
    const total: DispatchResult = { delivered: 0, failed: 0 };
    do {
      again = false;
      const result = await run();
      total.delivered += result.delivered;
      total.failed += result.failed;
    } while (again);
    return total;
  }

  return {
    dispatch,
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
