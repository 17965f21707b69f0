/** All repositories of one context. */
import type { StoreContext } from '../context.js';
import type { StoreTransaction } from '../store.js';
import { createEventDeliveryRepository } from './event-deliveries.js';
import { createGopayAccountRepository } from './gopay-accounts.js';
import { createInvoiceItemRepository } from './invoice-items.js';
import { createInvoiceRepository } from './invoices.js';
import { createNotificationRepository } from './notifications.js';
import { createOutboxRepository } from './outbox.js';
import { createPaymentEventRepository } from './payment-events.js';
import { createPaymentLinkItemRepository } from './payment-link-items.js';
import { createPaymentLinkRepository } from './payment-links.js';
import { createPaymentRepository } from './payments.js';
import { createRefundRepository } from './refunds.js';
import { createSubscriptionRepository } from './subscriptions.js';

type Factories = { readonly [K in keyof StoreTransaction]: (ctx: StoreContext) => StoreTransaction[K] };

const factories: Factories = {
  payments: createPaymentRepository,
  refunds: createRefundRepository,
  invoices: createInvoiceRepository,
  invoiceItems: createInvoiceItemRepository,
  subscriptions: createSubscriptionRepository,
  notifications: createNotificationRepository,
  paymentEvents: createPaymentEventRepository,
  outbox: createOutboxRepository,
  deliveries: createEventDeliveryRepository,
  paymentLinks: createPaymentLinkRepository,
  paymentLinkItems: createPaymentLinkItemRepository,
  gopayAccounts: createGopayAccountRepository,
};

/** Holds one context's repositories; the getters, defined once below, build each on first use. */
class LazyRepositories {
  readonly built: Partial<Record<keyof StoreTransaction, unknown>> = {};
  constructor(readonly ctx: StoreContext) {}
}
for (const name of Object.keys(factories) as (keyof StoreTransaction)[]) {
  Object.defineProperty(LazyRepositories.prototype, name, {
    enumerable: true,
    get(this: LazyRepositories) {
      this.built[name] ??= factories[name](this.ctx);
      return this.built[name];
    },
  });
}

/**
 * Every repository over `ctx`, each built on first use. A transaction touches two or three of
 * them, and building all of them for each one showed as 4% of a webhook's CPU profile
 * (bench/FIXES.md). Their locking reads work only when `ctx` is a transaction.
 */
export function createRepositories(ctx: StoreContext): StoreTransaction {
  // The prototype getters above supply every member of StoreTransaction.
  return new LazyRepositories(ctx) as LazyRepositories & StoreTransaction;
}

/** Every repository over `ctx`, built now (the store's own, used for the process's lifetime). */
export function buildRepositories(ctx: StoreContext): StoreTransaction {
  const lazy = new LazyRepositories(ctx);
  const all = lazy as LazyRepositories & StoreTransaction;
  for (const name of Object.keys(factories) as (keyof StoreTransaction)[]) void all[name];
  return { ...lazy.built } as StoreTransaction;
}
