/**
 * The storage contract the services see: one repository per entity and `transaction(fn)`. Inside a
 * transaction the repositories also offer locking reads, so a state change reads, decides and writes
 * with the row held (MySQL/MariaDB and PostgreSQL `FOR UPDATE`; SQLite serialises writers instead).
 */
import type { DialectName } from './dialect.js';
import type { MigrationReport } from './migrate.js';
import type { EventDeliveryRepository, LockingEventDeliveryRepository } from './records/event-delivery.js';
import type { GopayAccountRepository, LockingGopayAccountRepository } from './records/gopay-account.js';
import type {
  InvoiceItemRepository,
  InvoiceRepository,
  LockingInvoiceRepository,
} from './records/invoice.js';
import type { NotificationRepository } from './records/notification.js';
import type { LockingOutboxRepository, OutboxRepository } from './records/outbox-event.js';
import type { LockingPaymentRepository, PaymentRepository } from './records/payment.js';
import type { PaymentEventRepository } from './records/payment-event.js';
import type {
  LockingPaymentLinkRepository,
  PaymentLinkItemRepository,
  PaymentLinkRepository,
} from './records/payment-link.js';
import type { RefundRepository } from './records/refund.js';
import type { LockingSubscriptionRepository, SubscriptionRepository } from './records/subscription.js';

/** Every repository, as used outside a transaction (each call commits on its own). */
export interface Repositories {
  /** Payments. */
  readonly payments: PaymentRepository;
  /** Refunds. */
  readonly refunds: RefundRepository;
  /** Invoices. */
  readonly invoices: InvoiceRepository;
  /** Invoice lines. */
  readonly invoiceItems: InvoiceItemRepository;
  /** Subscriptions. */
  readonly subscriptions: SubscriptionRepository;
  /** Webhook deliveries. */
  readonly notifications: NotificationRepository;
  /** Payment status history. */
  readonly paymentEvents: PaymentEventRepository;
  /** Lifecycle event outbox. */
  readonly outbox: OutboxRepository;
  /** Event consumers and their per-event delivery state. */
  readonly deliveries: EventDeliveryRepository;
  /** Payment links. */
  readonly paymentLinks: PaymentLinkRepository;
  /** Payment link lines. */
  readonly paymentLinkItems: PaymentLinkItemRepository;
  /** Linked GoPay accounts, one per owner. */
  readonly gopayAccounts: GopayAccountRepository;
}

/** The repositories of one transaction: everything commits or rolls back together. */
export interface StoreTransaction extends Repositories {
  /** Payments, with locking reads. */
  readonly payments: LockingPaymentRepository;
  /** Invoices, with locking reads. */
  readonly invoices: LockingInvoiceRepository;
  /** Subscriptions, with locking reads. */
  readonly subscriptions: LockingSubscriptionRepository;
  /** Outbox, with claiming. */
  readonly outbox: LockingOutboxRepository;
  /** Delivery state, with claiming. */
  readonly deliveries: LockingEventDeliveryRepository;
  /** Payment links, with locking reads. */
  readonly paymentLinks: LockingPaymentLinkRepository;
  /** Linked GoPay accounts, with locking reads. */
  readonly gopayAccounts: LockingGopayAccountRepository;
}

/** The store. */
export interface Store extends Repositories {
  /** Which database family it runs on. */
  readonly dialect: DialectName;
  /**
   * Run `fn` in one database transaction: committed when the promise resolves, rolled back when it
   * rejects (the rejection is passed on). Use only `tx` inside `fn`: on SQLite the store's own
   * repositories would wait for the single connection `fn` holds.
   */
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /**
   * Create or upgrade the tables (idempotent), recording history in the kit's own table. Waits (up
   * to 30 s) while another process holds the migration lock. Says which migrations it applied.
   */
  migrate(): Promise<MigrationReport>;
  /** Roll back every midtrans-kit migration: drops the kit's tables and their data. */
  migrateDown(): Promise<void>;
  /** Release the database if the store opened it; a host's own Knex instance is left open. */
  close(): Promise<void>;
}
