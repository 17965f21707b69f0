/** Snap: create a hosted-payment transaction (token and redirect URL), or cancel its page session. */
import type { ResolvedClientConfig } from '../config.js';
import type { WireSnapCancelResponse, WireSnapRequest, WireSnapResponse } from '../wire-types.js';
import type { HttpClient } from './http.js';
import { pathSegment } from './http.js';
import type { CallOptions, NotificationCallOptions } from './request-options.js';

/** The Snap calls. */
export interface SnapApi {
  /**
   * `POST {snapBaseUrl}/transactions` (HTTP 201). Snap documents no idempotency key, so this
   * write is never retried: a retry after a lost answer could open a second payment page.
   */
  createTransaction(body: WireSnapRequest, options?: NotificationCallOptions): Promise<WireSnapResponse>;
  /**
   * `POST {snapBaseUrl}/transactions/{token}/cancel`: end a Snap page session before it expires,
   * so the customer can no longer pay on it. Refused once the customer has started a payment
   * (`Transaction is on progress`: cancel that transaction with `core.cancel` instead), for a
   * session already cancelled, and for an unknown token. Takes no idempotency key.
   */
  cancelTransaction(token: string, options?: CallOptions): Promise<WireSnapCancelResponse>;
}

/** Create the Snap calls over an HTTP client. */
export function createSnapApi(http: HttpClient, config: ResolvedClientConfig): SnapApi {
  return {
    createTransaction: async (body, options) =>
      http.send({ method: 'POST', url: `${config.snapBaseUrl}/transactions`, body, options }),
    cancelTransaction: async (token, options) =>
      http.send({
        method: 'POST',
        url: `${config.snapBaseUrl}/transactions/${pathSegment(token, 'token')}/cancel`,
        options,
      }),
  };
}
