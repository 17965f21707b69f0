/**
 * Payment Link API (`/v1/payment-links`): a shareable page that creates a new transaction each
 * time a customer pays through it, up to its usage limit and until it expires or is deleted.
 */
import type { ResolvedClientConfig } from '../config.js';
import type {
  WirePaymentLink,
  WirePaymentLinkCreateRequest,
  WirePaymentLinkCreateResponse,
  WirePaymentLinkDeleteResponse,
} from '../wire-types.js';
import type { HttpClient } from './http.js';
import { pathSegment } from './http.js';
import type { CallOptions } from './request-options.js';

/** The Payment Link calls; links are addressed by the order id they were created with. */
export interface PaymentLinksApi {
  /**
   * `POST /v1/payment-links`. Midtrans documents no idempotency key for it, so it is never
   * retried: an unanswered create is resolved with `getPaymentLink`.
   */
  createPaymentLink(
    body: WirePaymentLinkCreateRequest,
    options?: CallOptions,
  ): Promise<WirePaymentLinkCreateResponse>;
  /** `GET /v1/payment-links/{order_id}`: the link, its usage and the payments made through it. */
  getPaymentLink(orderId: string, options?: CallOptions): Promise<WirePaymentLink>;
  /** `DELETE /v1/payment-links/{order_id}`: customers can no longer pay through it. */
  deletePaymentLink(orderId: string, options?: CallOptions): Promise<WirePaymentLinkDeleteResponse>;
}

/** Create the Payment Link calls over an HTTP client. */
export function createPaymentLinksApi(http: HttpClient, config: ResolvedClientConfig): PaymentLinksApi {
  const base = `${config.apiBaseUrl}/v1/payment-links`;
  const one = (orderId: string): string => `${base}/${pathSegment(orderId, 'orderId')}`;
  return {
    createPaymentLink: async (body, options) => http.send({ method: 'POST', url: base, body, options }),
    getPaymentLink: async (orderId, options) => http.send({ method: 'GET', url: one(orderId), options }),
    deletePaymentLink: async (orderId, options) =>
      http.send({ method: 'DELETE', url: one(orderId), options }),
  };
}
