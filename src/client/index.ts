/**
 * The Midtrans API client: usable on its own (`createMidtransClient({ serverKey })`) or built by
 * the kit from its resolved configuration. Each instance owns its configuration and keeps no
 * module-level state, so several merchants can live in one process.
 */
import type { MidtransClientOptions, ResolvedClientConfig } from '../config.js';
import { resolveClientConfig } from '../config.js';
import type { CoreApi } from './core-api.js';
import { createCoreApi } from './core-api.js';
import type { HttpClientDeps } from './http.js';
import { createHttpClient } from './http.js';
import type { InvoicesApi } from './invoices.js';
import { createInvoicesApi } from './invoices.js';
import type { PaymentLinksApi } from './payment-links.js';
import { createPaymentLinksApi } from './payment-links.js';
import type { SnapApi } from './snap.js';
import { createSnapApi } from './snap.js';
import type { SubscriptionsApi } from './subscriptions.js';
import { createSubscriptionsApi } from './subscriptions.js';

export type { CardApi, CardRegisterQuery, CardTokenQuery } from './card-api.js';
export type { CoreApi } from './core-api.js';
export type { ApiRequest, HttpClient, HttpClientDeps } from './http.js';
export type { InvoicesApi } from './invoices.js';
export { nodeHttpTransport } from './node-http-transport.js';
export type { PaymentLinksApi } from './payment-links.js';
export type {
  CallOptions,
  ChargeOptions,
  IdempotentCallOptions,
  NotificationCallOptions,
  NotificationUrls,
} from './request-options.js';
export type { SnapApi } from './snap.js';
export type { SubscriptionsApi } from './subscriptions.js';
export type { HttpMethod, Transport, TransportRequest, TransportResponse } from './transport.js';
export { fetchTransport } from './transport.js';

/** Every Midtrans API midtrans-kit speaks, in snake_case wire shapes. */
export interface MidtransClient {
  /** Core API: charge, status, actions, refunds, card tokens, pay accounts. */
  core: CoreApi;
  /** Snap hosted payment page. */
  snap: SnapApi;
  /** Recurring subscriptions. */
  subscriptions: SubscriptionsApi;
  /** Invoicing. */
  invoices: InvoicesApi;
  /** Payment links. */
  paymentLinks: PaymentLinksApi;
}

/**
 * Create a client from host options; throws ConfigError for bad options.
 * `deps` exists for tests (instant, deterministic retry pacing).
 */
export function createMidtransClient(options: MidtransClientOptions, deps?: HttpClientDeps): MidtransClient {
  return createMidtransClientFromConfig(resolveClientConfig(options), deps);
}

/** Create a client from an already resolved configuration (the kit's `ResolvedConfig` fits). */
export function createMidtransClientFromConfig(
  config: ResolvedClientConfig,
  deps?: HttpClientDeps,
): MidtransClient {
  const http = createHttpClient(config, deps);
  return {
    core: createCoreApi(http, config),
    snap: createSnapApi(http, config),
    subscriptions: createSubscriptionsApi(http, config),
    invoices: createInvoicesApi(http, config),
    paymentLinks: createPaymentLinksApi(http, config),
  };
}
