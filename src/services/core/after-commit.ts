/**
 * Work that must wait until a transaction has committed: hooks and event dispatch. The services'
 * store wraps `transaction(fn)` so callbacks registered with `afterCommit(tx, …)` run once the
 * commit succeeded — hooks first, then event dispatch — and are dropped when it rolls back.
 * Callbacks are awaited, and their errors are logged, never thrown: the change is already durable.
 * A transaction the database rolled back as a deadlock victim (or on a lock timeout) runs again.
 */
import type { Store, StoreTransaction } from '../../storage/store.js';
import { errorDetail, type KitLogger } from './logger.js';
import { retryTransient } from './transaction-retry.js';

/** When a callback runs: `hooks` before `events`, so hooks see the change before listeners do. */
export type AfterCommitPhase = 'hooks' | 'events';

type Callback = () => unknown;
type Queues = Record<AfterCommitPhase, Callback[]>;

// Keyed by the transaction object itself, so kits in one process never see each other's work.
const queues = new WeakMap<StoreTransaction, Queues>();

/**
 * Run `fn` after `tx` commits. `tx` must come from the services' store (`ctx.store.transaction`).
 * @throws Error when `tx` was not opened through it (a programming error: the work would be lost).
 */
export function afterCommit(tx: StoreTransaction, fn: Callback, phase: AfterCommitPhase = 'hooks'): void {
  const queue = queues.get(tx);
  if (queue === undefined) {
    throw new Error('midtrans-kit: afterCommit needs a transaction opened with the service context store');
  }
  queue[phase].push(fn);
}

/** A store whose `transaction` runs the after-commit callbacks. Everything else is the store's own. */
export function withAfterCommit(store: Store, logger: KitLogger): Store {
  return {
    get dialect() {
      return store.dialect;
    },
    payments: store.payments,
    refunds: store.refunds,
    invoices: store.invoices,
    invoiceItems: store.invoiceItems,
    subscriptions: store.subscriptions,
    notifications: store.notifications,
    paymentEvents: store.paymentEvents,
    outbox: store.outbox,
    deliveries: store.deliveries,
    paymentLinks: store.paymentLinks,
    paymentLinkItems: store.paymentLinkItems,
    gopayAccounts: store.gopayAccounts,
    migrate: () => store.migrate(),
    migrateDown: () => store.migrateDown(),
    close: () => store.close(),
    async transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
      let queue: Queues = { hooks: [], events: [] };
      // A deadlock victim is rolled back whole, so running it again is safe: every service
      // transaction does database work only (Midtrans is called outside, hooks after commit).
      const result = await retryTransient(() =>
        store.transaction(async (tx) => {
          // Fresh on every attempt, so a retried transaction does not run callbacks twice.
          queue = { hooks: [], events: [] };
          queues.set(tx, queue);
          // Awaited, not returned: an async function handing on a promise costs two more turns.
          return await fn(tx);
        }),
      );
      for (const callback of [...queue.hooks, ...queue.events]) {
        try {
          await callback();
        } catch (error) {
          logger.error(errorDetail(error), 'midtrans-kit: after-commit work failed (ignored)');
        }
      }
      return result;
    },
  };
}
