/**
 * What the route table needs of a kit. The routes name this interface rather than `MidtransKit`
 * so that the kit can build its OpenAPI document from the route table without the table
 * importing the kit back; a `MidtransKit` satisfies it as it is.
 */
import type { KitLogger } from '../services/core/logger.js';
import type { GopayAccountService } from '../services/gopay-accounts/gopay-accounts.js';
import type { InvoiceService } from '../services/invoices/invoices.js';
import type { NotificationService } from '../services/notifications/notifications.js';
import type { PaymentLinkService } from '../services/payment-links/payment-links.js';
import type { PaymentService } from '../services/payments/payments.js';
import type { SubscriptionService } from '../services/subscriptions/subscriptions.js';
import type { Store } from '../storage/store.js';

/** Options of the OpenAPI document. */
export interface OpenApiOptions {
  /** Where the routes are mounted, e.g. `https://shop.example/midtrans` (default `.`: relative to where the document is served). */
  serverUrl?: string;
  /** Document title. */
  title?: string;
  /** API version shown. */
  version?: string;
}

/** An OpenAPI document (plain JSON). */
export type OpenApiDocument = Record<string, unknown>;

/** The services, store and logger the routes use; `MidtransKit` is one. */
export interface RouteKit {
  /** Charges, status, operations, refunds, Snap, lists. */
  readonly payments: PaymentService;
  /** Invoices: create, status, void. */
  readonly invoices: InvoiceService;
  /** Payment links: create, get, list, delete. */
  readonly paymentLinks: PaymentLinkService;
  /** Subscriptions: create, status, disable, enable, cancel, update. */
  readonly subscriptions: SubscriptionService;
  /** GoPay account linking. */
  readonly gopayAccounts: GopayAccountService;
  /** The webhook engine. */
  readonly notifications: NotificationService;
  /** Reads of the records a route acts on. */
  readonly store: Store;
  /** Where unexpected errors are logged. */
  readonly logger: KitLogger;
  /** The OpenAPI document of the route table. */
  openapi(options?: OpenApiOptions): OpenApiDocument;
}
