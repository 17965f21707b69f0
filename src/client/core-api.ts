/**
 * Core API (`/v2/…`): charge, status, transaction actions, the card calls (card-api.ts) and GoPay
 * pay accounts. `{id}` is an order id or a transaction id; it is URL-encoded into the path.
 */
import type { ResolvedClientConfig } from '../config.js';
import type {
  WireActionResponse,
  WireCaptureRequest,
  WireChargeRequest,
  WireChargeResponse,
  WirePayAccountRequest,
  WirePayAccountResponse,
  WireRefundRequest,
  WireRefundResponse,
  WireStatusB2bQuery,
  WireStatusB2bResponse,
  WireStatusResponse,
} from '../wire-types.js';
import type { CardApi } from './card-api.js';
import { createCardApi } from './card-api.js';
import type { HttpClient } from './http.js';
import { pathSegment } from './http.js';
import type { CallOptions, ChargeOptions, IdempotentCallOptions } from './request-options.js';

/** The Core API calls. Every method resolves with Midtrans's JSON answer as documented. */
export interface CoreApi extends CardApi {
  /** `POST /v2/charge`. Body 200/201/202 answers resolve (202 = denied); errors throw MidtransApiError. */
  charge(body: WireChargeRequest, options?: ChargeOptions): Promise<WireChargeResponse>;
  /** `GET /v2/{id}/status`. Body 407 (expired) is a normal answer. */
  status(id: string, options?: CallOptions): Promise<WireStatusResponse>;
  /**
   * `GET /v2/{id}/status/b2b`: every transaction tied to the order (a multi-use VA's payments),
   * newest first, one page at a time (`page` 0-based, default 0; `per_page` default 10).
   */
  statusB2b(id: string, query?: WireStatusB2bQuery, options?: CallOptions): Promise<WireStatusB2bResponse>;
  /** `POST /v2/{id}/cancel`. */
  cancel(id: string, options?: IdempotentCallOptions): Promise<WireActionResponse>;
  /** `POST /v2/{id}/expire`. Body 407 is its success answer. */
  expire(id: string, options?: IdempotentCallOptions): Promise<WireActionResponse>;
  /** `POST /v2/{id}/approve` (fraud challenge). */
  approve(id: string, options?: IdempotentCallOptions): Promise<WireActionResponse>;
  /** `POST /v2/{id}/deny` (fraud challenge). */
  deny(id: string, options?: IdempotentCallOptions): Promise<WireActionResponse>;
  /** `POST /v2/capture` of a pre-authorised transaction. */
  capture(body: WireCaptureRequest, options?: IdempotentCallOptions): Promise<WireActionResponse>;
  /** `POST /v2/{id}/refund`. */
  refund(id: string, body?: WireRefundRequest, options?: IdempotentCallOptions): Promise<WireRefundResponse>;
  /** `POST /v2/{id}/refund/online/direct`. A body 202 (rejected by the provider) resolves. */
  directRefund(
    id: string,
    body?: WireRefundRequest,
    options?: IdempotentCallOptions,
  ): Promise<WireRefundResponse>;
  /** `POST /v2/pay/account` (GoPay linking; takes no idempotency key). */
  createPayAccount(body: WirePayAccountRequest, options?: CallOptions): Promise<WirePayAccountResponse>;
  /** `GET /v2/pay/account/{accountId}`. */
  getPayAccount(accountId: string, options?: CallOptions): Promise<WirePayAccountResponse>;
  /** `POST /v2/pay/account/{accountId}/unbind`. */
  unbindPayAccount(accountId: string, options?: CallOptions): Promise<WirePayAccountResponse>;
}

const IDEMPOTENT = 'Idempotency-Key' as const;

/** Create the Core API calls over an HTTP client. */
export function createCoreApi(http: HttpClient, config: ResolvedClientConfig): CoreApi {
  const v2 = `${config.apiBaseUrl}/v2`;
  const tx = (id: string, action: string): string => `${v2}/${pathSegment(id, 'id')}/${action}`;
  const account = (accountId: string): string => `${v2}/pay/account/${pathSegment(accountId, 'accountId')}`;
  const action = async (
    id: string,
    name: string,
    options?: IdempotentCallOptions,
  ): Promise<WireActionResponse> =>
    http.send({ method: 'POST', url: tx(id, name), idempotencyHeader: IDEMPOTENT, options });

  return {
    ...createCardApi(http, config),
    charge: async (body, options) =>
      http.send({ method: 'POST', url: `${v2}/charge`, body, idempotencyHeader: IDEMPOTENT, options }),
    status: async (id, options) =>
      http.send({ method: 'GET', url: tx(id, 'status'), accept407: true, options }),
    statusB2b: async (id, query = {}, options) =>
      http.send({ method: 'GET', url: tx(id, 'status/b2b'), query: { ...query }, options }),
    cancel: async (id, options) => action(id, 'cancel', options),
    expire: async (id, options) =>
      http.send({
        method: 'POST',
        url: tx(id, 'expire'),
        idempotencyHeader: IDEMPOTENT,
        accept407: true,
        options,
      }),
    approve: async (id, options) => action(id, 'approve', options),
    deny: async (id, options) => action(id, 'deny', options),
    capture: async (body, options) =>
      http.send({ method: 'POST', url: `${v2}/capture`, body, idempotencyHeader: IDEMPOTENT, options }),
    refund: async (id, body = {}, options) =>
      http.send({ method: 'POST', url: tx(id, 'refund'), body, idempotencyHeader: IDEMPOTENT, options }),
    directRefund: async (id, body = {}, options) =>
      http.send({
        method: 'POST',
        url: tx(id, 'refund/online/direct'),
        body,
        idempotencyHeader: IDEMPOTENT,
        options,
      }),
    createPayAccount: async (body, options) =>
      http.send({ method: 'POST', url: `${v2}/pay/account`, body, options }),
    getPayAccount: async (accountId, options) =>
      http.send({ method: 'GET', url: account(accountId), options }),
    unbindPayAccount: async (accountId, options) =>
      http.send({ method: 'POST', url: `${account(accountId)}/unbind`, options }),
  };
}
