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
import { createPaymentRepository } from './payments.js';
import { createRefundRepository } from './refunds.js';
import { createSubscriptionRepository } from './subscriptions.js';

/** Build every repository over `ctx`. Their locking reads work only when `ctx` is a transaction. */
export function createRepositories(ctx: StoreContext): StoreTransaction {
  return {
    payments: createPaymentRepository(ctx),
    refunds: createRefundRepository(ctx),
    invoices: createInvoiceRepository(ctx),
    invoiceItems: createInvoiceItemRepository(ctx),
    subscriptions: createSubscriptionRepository(ctx),
    notifications: createNotificationRepository(ctx),
    paymentEvents: createPaymentEventRepository(ctx),
    outbox: createOutboxRepository(ctx),
    deliveries: createEventDeliveryRepository(ctx),
    gopayAccounts: createGopayAccountRepository(ctx),
  };
}
