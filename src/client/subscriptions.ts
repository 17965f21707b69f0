/** Subscriptions API (`/v1/subscriptions`): recurring card and GoPay charges run by Midtrans. */
import type { ResolvedClientConfig } from '../config.js';
import type {
  WireSubscription,
  WireSubscriptionActionResponse,
  WireSubscriptionCreateRequest,
  WireSubscriptionUpdateRequest,
} from '../wire-types.js';
import type { HttpClient } from './http.js';
import { pathSegment } from './http.js';
import type { CallOptions, IdempotentCallOptions } from './request-options.js';

/** The Subscriptions calls. Errors come as `{status_message, validation_messages}` bodies. */
export interface SubscriptionsApi {
  /** `POST /v1/subscriptions`; Midtrans honours an idempotency key here for 3 minutes. */
  create(body: WireSubscriptionCreateRequest, options?: IdempotentCallOptions): Promise<WireSubscription>;
  /** `GET /v1/subscriptions/{id}`. */
  get(id: string, options?: CallOptions): Promise<WireSubscription>;
  /** `POST /v1/subscriptions/{id}/enable`. */
  enable(id: string, options?: CallOptions): Promise<WireSubscriptionActionResponse>;
  /** `POST /v1/subscriptions/{id}/disable`. */
  disable(id: string, options?: CallOptions): Promise<WireSubscriptionActionResponse>;
  /** `POST /v1/subscriptions/{id}/cancel`. */
  cancel(id: string, options?: CallOptions): Promise<WireSubscriptionActionResponse>;
  /** `PATCH /v1/subscriptions/{id}`. */
  update(
    id: string,
    body: WireSubscriptionUpdateRequest,
    options?: CallOptions,
  ): Promise<WireSubscriptionActionResponse>;
}

/** Create the Subscriptions calls over an HTTP client. */
export function createSubscriptionsApi(http: HttpClient, config: ResolvedClientConfig): SubscriptionsApi {
  const base = `${config.apiBaseUrl}/v1/subscriptions`;
  const one = (id: string): string => `${base}/${pathSegment(id, 'id')}`;
  return {
    create: async (body, options) =>
      http.send({ method: 'POST', url: base, body, idempotencyHeader: 'Idempotency-Key', options }),
    get: async (id, options) => http.send({ method: 'GET', url: one(id), options }),
    enable: async (id, options) => http.send({ method: 'POST', url: `${one(id)}/enable`, options }),
    disable: async (id, options) => http.send({ method: 'POST', url: `${one(id)}/disable`, options }),
    cancel: async (id, options) => http.send({ method: 'POST', url: `${one(id)}/cancel`, options }),
    update: async (id, body, options) => http.send({ method: 'PATCH', url: one(id), body, options }),
  };
}
