/**
 * The event bus. One delivery path: `enqueue` writes the event row in the change's transaction;
 * after commit, every named consumer delivers it once its own process claims it (see
 * consumer-runner.ts). Listeners added with `on` form the consumer `default`. Delivery is at least
 * once; `event.id` is stable.
 */
import { randomUUID } from 'node:crypto';
import { ConfigError } from '../../errors.js';
import { forJsonColumn } from '../../storage/json.js';
import type { StoreTransaction } from '../../storage/store.js';
import { afterCommit } from '../core/after-commit.js';
import {
  type ConsumerRunner,
  checkEventOptions,
  type DeliverClaimed,
  type DispatchResult,
  type EventBusOptions,
  startConsumerRunner,
} from './consumer-runner.js';
import { deliverEach } from './deliver-each.js';
import type { EventBus, EventBusDeps, EventConsumer } from './event-bus-api.js';
import type { KitEventListener, KitEventType } from './event-types.js';
import { runHandler } from './event-types.js';

export { checkEventOptions, type DispatchResult, type EventBusOptions } from './consumer-runner.js';
export { toKitEvent } from './deliver-each.js';
export type { BatchHandler, EnqueueOptions, EventBus, EventBusDeps, EventConsumer } from './event-bus-api.js';
export * from './event-types.js';

/** Name of the consumer that `on` listeners form. */
export const DEFAULT_CONSUMER = 'default';

const CONSUMER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** Create an event bus over a store. */
export function createEventBus(deps: EventBusDeps): EventBus {
  const { store, logger, now } = deps;
  const runners = new Map<string, ConsumerRunner>();
  const scheduled = new WeakSet<StoreTransaction>();
  const listeners = new Map<KitEventType, Set<KitEventListener<KitEventType>>>();
  const listenersOf = (type: KitEventType) => {
    let set = listeners.get(type);
    if (set === undefined) {
      set = new Set();
      listeners.set(type, set);
    }
    return set;
  };
  const hasListeners = () => [...listeners.values()].some((set) => set.size > 0);

  function start(
    name: string,
    deliver: DeliverClaimed,
    options?: EventBusOptions,
    active?: () => boolean,
    overlap = false,
  ) {
    // The host's code names its consumers: a bad name is configuration, found at start-up.
    if (typeof name !== 'string' || !CONSUMER_NAME.test(name)) {
      throw new ConfigError('name', 'must be 1–64 of [A-Za-z0-9_.:-], starting with a letter or digit');
    }
    if (runners.has(name)) throw new ConfigError('name', `consumer "${name}" already runs in this process`);
    checkEventOptions(options, 'options');
    const runner = startConsumerRunner({
      store,
      logger,
      now,
      name,
      deliver,
      ...(active ? { active } : { startNow: true }),
      overlap,
      options: { ...deps.options, ...options },
    });
    runners.set(name, runner);
    return runner;
  }

  function defaultConsumer(): ConsumerRunner {
    return (
      runners.get(DEFAULT_CONSUMER) ??
      start(
        DEFAULT_CONSUMER,
        deliverEach(async (event) => {
          for (const listener of [...listenersOf(event.type)]) await listener(event);
        }),
        undefined,
        hasListeners,
      )
    );
  }

  function handle(runner: ConsumerRunner): EventConsumer {
    return {
      name: runner.name,
      deliverPending: () => runner.deliverPending(),
      async stop() {
        runners.delete(runner.name);
        await runner.stop();
      },
    };
  }

  return {
    on(type, listener) {
      listenersOf(type).add(listener as KitEventListener<KitEventType>);
      defaultConsumer();
      return () => listenersOf(type).delete(listener as KitEventListener<KitEventType>);
    },
    off(type, listener) {
      listenersOf(type).delete(listener as KitEventListener<KitEventType>);
    },
    consume: (name, handlers, options) =>
      handle(
        start(
          name,
          deliverEach((event) => runHandler(handlers, event)),
          options,
        ),
      ),
    consumeBatches(name, handler, options) {
      return handle(
        start(
          name,
          async (claimed) => {
            await handler(claimed);
            return new Map();
          },
          options,
          undefined,
          true,
        ),
      );
    },
    async removeConsumer(name) {
      await runners.get(name)?.stop();
      runners.delete(name);
      await store.deliveries.removeConsumer(name);
    },
    async enqueue(tx, type, payload, options = {}) {
      const eventId = options.idempotencyKey ?? randomUUID();
      const { event } = await tx.outbox.insertIfAbsent({
        eventId,
        type,
        payload: forJsonColumn(payload),
      });
      if (!scheduled.has(tx)) {
        scheduled.add(tx);
        // A nudge, not a delivery: the runs start and nobody waits for them.
        afterCommit(
          tx,
          () => {
            for (const runner of runners.values()) runner.wake();
          },
          'events',
        );
      }
      return event;
    },
    async dispatchPending() {
      const total: DispatchResult = { delivered: 0, failed: 0 };
      for (const runner of [...runners.values()]) {
        const result = await runner.deliverPending();
        total.delivered += result.delivered;
        total.failed += result.failed;
      }
      return total;
    },
    async close() {
      const all = [...runners.values()];
      runners.clear();
      await Promise.all(all.map((runner) => runner.stop()));
    },
  };
}
