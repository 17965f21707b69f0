/**
 * `createMidtrans(options)`: one kit = one merchant configuration, one store, one client, one
 * event bus and the services built on them. Nothing is shared between kits, so a process can
 * hold several (two merchants, or parallel tests).
 */
import { createMidtransClientFromConfig, type MidtransClient } from './client/index.js';
import { type MidtransKitOptions, type MidtransLogger, resolveConfig } from './config.js';
import { ConfigError } from './errors.js';
import { createOpenApiDocument, type OpenApiDocument, type OpenApiOptions } from './http/openapi.js';
import { withAfterCommit } from './services/core/after-commit.js';
import type { ServiceContext } from './services/core/context.js';
import type { FaultPoints } from './services/core/fault-points.js';
import { type MidtransHooks, resolveHooks } from './services/core/hooks.js';
import type { KitLogger } from './services/core/logger.js';
import {
  checkEventOptions,
  createEventBus,
  type EventBus,
  type EventBusOptions,
} from './services/events/events.js';
import { GopayAccountService } from './services/gopay-accounts/gopay-accounts.js';
import { InvoiceService } from './services/invoices/invoices.js';
import { NotificationService } from './services/notifications/notifications.js';
import { PaymentLinkService } from './services/payment-links/payment-links.js';
import { PaymentService } from './services/payments/payments.js';
import { Reconciler } from './services/reconciler/reconciler.js';
import { SubscriptionService } from './services/subscriptions/subscriptions.js';
import type { DatabaseOption } from './storage/connection.js';
import { createKnexStore, type KnexStore } from './storage/knex-store.js';
import type { MigrationReport } from './storage/migrate.js';

/** Service classes a host may replace with subclasses. */
export interface MidtransServices {
  /** A PaymentService subclass. */
  payments?: new (
    ctx: ServiceContext,
  ) => PaymentService;
  /** An InvoiceService subclass. */
  invoices?: new (
    ctx: ServiceContext,
  ) => InvoiceService;
  /** A PaymentLinkService subclass. */
  paymentLinks?: new (
    ctx: ServiceContext,
  ) => PaymentLinkService;
  /** A SubscriptionService subclass. */
  subscriptions?: new (
    ctx: ServiceContext,
  ) => SubscriptionService;
  /** A GopayAccountService subclass. */
  gopayAccounts?: new (
    ctx: ServiceContext,
  ) => GopayAccountService;
  /** A NotificationService subclass. */
  notifications?: new (
    ctx: ServiceContext,
    options: { trustSignature?: boolean },
  ) => NotificationService;
  /** A Reconciler subclass. */
  reconciler?: new (
    ctx: ServiceContext,
  ) => Reconciler;
}

/** Options of `createMidtrans`. */
export interface MidtransOptions
  extends Omit<MidtransKitOptions, 'database' | 'hooks' | 'services' | 'events' | 'logger'> {
  /** Knex instance (kept open on close) or Knex config (owned). Default: SQLite file `./midtrans.sqlite`. */
  database?: DatabaseOption;
  /** Hooks; see docs/hooks-and-events.md. */
  hooks?: MidtransHooks;
  /** Subclasses of the services to use. */
  services?: MidtransServices;
  /** pino-compatible logger (`info/warn/error/debug(obj, msg)`). Default: silent. */
  logger?: MidtransLogger;
  /** Event dispatch tuning. */
  events?: EventBusOptions;
}

/** The public side of the event bus. */
export interface KitEventsApi
  extends Pick<EventBus, 'on' | 'off' | 'consume' | 'consumeBatches' | 'removeConsumer' | 'dispatchPending'> {
  /** How many events the named consumer has not delivered yet (in any process). */
  pending(consumer: string): Promise<number>;
  /** Registered consumer names (every process's, from the database). */
  consumers(): Promise<string[]>;
}

/** A configured kit. */
export interface MidtransKit {
  /** Charges, status, operations, refunds, Snap, lists. */
  readonly payments: PaymentService;
  /** Invoices: create, status, void. */
  readonly invoices: InvoiceService;
  /** Payment links: create, get, list, delete. */
  readonly paymentLinks: PaymentLinkService;
  /** Subscriptions: create, status, disable, enable, cancel, update. */
  readonly subscriptions: SubscriptionService;
  /** GoPay account linking: link, get, refresh, unlink (charge through `payments`). */
  readonly gopayAccounts: GopayAccountService;
  /** The webhook engine: `handle(rawBody, headers)`. */
  readonly notifications: NotificationService;
  /** Re-syncs open payments with Midtrans. */
  readonly reconciler: Reconciler;
  /** Typed lifecycle events. */
  readonly events: KitEventsApi;
  /** The store (for reads and the host's own queries). */
  readonly store: KnexStore;
  /** The Midtrans API client. */
  readonly client: MidtransClient;
  /** The kit's logger (the `logger` option, secrets redacted, never throwing; silent by default). */
  readonly logger: KitLogger;
  /**
   * The HTTP surface as an OpenAPI 3.1 document, generated from the route table (the routers
   * serve it at `/openapi.json`).
   */
  openapi(options?: OpenApiOptions): OpenApiDocument;
  /**
   * Create or upgrade the tables, then deliver events a previous process left undelivered (so
   * register listeners before calling it at start-up). Says which migrations it applied.
   */
  migrate(): Promise<MigrationReport>;
  /** Stop timers and release the database if the kit opened it. */
  close(): Promise<void>;
}

/**
 * Create a kit. Options are checked at once (ConfigError naming the option). Call `migrate()`
 * before the first payment; it is idempotent, so run it at every start.
 */
export function createMidtrans(options: MidtransOptions): MidtransKit {
  return assembleKit(options, {});
}

/** What only the simulation test sets: crash points and the kit's clock. @internal */
export interface KitInternals {
  /** Crash points (see services/core/fault-points.ts). */
  faults?: FaultPoints;
  /** The kit's clock instead of the wall clock (the simulation shares the simulator's). */
  now?: () => Date;
}

/**
 * `createMidtrans` with internals set: for the simulation test only (test/simulation); the
 * package does not export it.
 * @internal
 */
export function createMidtransForSimulation(options: MidtransOptions, internals: KitInternals): MidtransKit {
  return assembleKit(options, internals);
}

function assembleKit(options: MidtransOptions, internals: KitInternals): MidtransKit {
  const config = resolveConfig(options as MidtransKitOptions);
  const logger = config.logger;
  const hooks = resolveHooks(config.hooks, logger);
  const services = checkServices(config.services);
  checkEventOptions(options.events, 'events');
  const rawStore = createKnexStore({ database: options.database, tablePrefix: config.tablePrefix });
  const store = withAfterCommit(rawStore, logger);
  const now = internals.now ?? (() => new Date());
  const { faults } = internals;
  const events = createEventBus({ store, logger, now, options: options.events ?? {} });
  const client = createMidtransClientFromConfig(config);
  const ctx: ServiceContext = {
    config,
    client,
    store,
    events,
    hooks,
    logger,
    now,
    ...(faults ? { faults } : {}),
  };
  const payments = new (services.payments ?? PaymentService)(ctx);
  const invoices = new (services.invoices ?? InvoiceService)(ctx);
  const paymentLinks = new (services.paymentLinks ?? PaymentLinkService)(ctx);
  const subscriptions = new (services.subscriptions ?? SubscriptionService)(ctx);
  const gopayAccounts = new (services.gopayAccounts ?? GopayAccountService)(ctx);
  const notifications = new (services.notifications ?? NotificationService)(ctx, {
    trustSignature: config.trustSignature,
  });
  const reconciler = new (services.reconciler ?? Reconciler)(ctx);

  let closed = false;

  return {
    payments,
    invoices,
    paymentLinks,
    subscriptions,
    gopayAccounts,
    notifications,
    reconciler,
    events: {
      on: (type, listener) => events.on(type, listener),
      off: (type, listener) => events.off(type, listener),
      consume: (name, handlers, consumerOptions) => events.consume(name, handlers, consumerOptions),
      consumeBatches: (name, handler, consumerOptions) =>
        events.consumeBatches(name, handler, consumerOptions),
      removeConsumer: (name) => events.removeConsumer(name),
      dispatchPending: () => events.dispatchPending(),
      pending: (consumer) => rawStore.deliveries.countPending(consumer),
      consumers: () => rawStore.deliveries.listConsumers(),
    },
    store: rawStore,
    client,
    logger,
    openapi: (openApiOptions) => createOpenApiDocument(openApiOptions),
    async migrate() {
      const report = await rawStore.migrate();
      await events.dispatchPending();
      return report;
    },
    async close() {
      if (closed) return;
      closed = true;
      await events.close();
      await rawStore.close();
    },
  };
}

function checkServices(value: unknown): MidtransServices {
  if (value === undefined) return {};
  const given = value as Record<string, unknown>;
  const bases: Record<string, unknown> = {
    payments: PaymentService,
    invoices: InvoiceService,
    paymentLinks: PaymentLinkService,
    subscriptions: SubscriptionService,
    gopayAccounts: GopayAccountService,
    notifications: NotificationService,
    reconciler: Reconciler,
  };
  for (const [name, cls] of Object.entries(given)) {
    const base = bases[name];
    if (base === undefined) throw new ConfigError(`services.${name}`, 'is not a known service');
    if (cls === undefined) continue;
    const ok =
      typeof cls === 'function' && (cls === base || cls.prototype instanceof (base as typeof Reconciler));
    if (!ok) throw new ConfigError(`services.${name}`, `must be a subclass of the built-in class`);
  }
  return given as MidtransServices;
}
