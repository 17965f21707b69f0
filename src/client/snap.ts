/** Snap: create a hosted-payment transaction and get its token and redirect URL. */
import type { ResolvedClientConfig } from '../config.js';
import type { WireSnapRequest, WireSnapResponse } from '../wire-types.js';
import type { HttpClient } from './http.js';
import type { NotificationCallOptions } from './request-options.js';

/** The Snap calls. */
export interface SnapApi {
  /**
   * `POST {snapBaseUrl}/transactions` (HTTP 201). Snap documents no idempotency key, so this
   * write is never retried: a retry after a lost answer could open a second payment page.
   */
  createTransaction(body: WireSnapRequest, options?: NotificationCallOptions): Promise<WireSnapResponse>;
}

/** Create the Snap calls over an HTTP client. */
export function createSnapApi(http: HttpClient, config: ResolvedClientConfig): SnapApi {
  return {
    createTransaction: async (body, options) =>
      http.send({ method: 'POST', url: `${config.snapBaseUrl}/transactions`, body, options }),
  };
}
