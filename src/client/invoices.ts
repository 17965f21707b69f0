/** Invoicing API (`/v1/invoices`): invoices payable by payment link or virtual account. */
import type { ResolvedClientConfig } from '../config.js';
import type {
  WireInvoice,
  WireInvoiceCreateRequest,
  WireInvoiceVoidRequest,
  WireInvoiceVoidResponse,
} from '../wire-types.js';
import type { HttpClient } from './http.js';
import { pathSegment } from './http.js';
import type { CallOptions, IdempotentCallOptions } from './request-options.js';

/** The Invoicing calls. Errors come as `{error_messages}` bodies. */
export interface InvoicesApi {
  /** `POST /v1/invoices` (HTTP 201). The key is sent as `X-Idempotency-Key`, Invoicing's own header name. */
  create(body: WireInvoiceCreateRequest, options?: IdempotentCallOptions): Promise<WireInvoice>;
  /** `GET /v1/invoices/{id}`. */
  get(id: string, options?: CallOptions): Promise<WireInvoice>;
  /** `PATCH /v1/invoices/{id}/void`; allowed for pending and overdue invoices. */
  void(id: string, body?: WireInvoiceVoidRequest, options?: CallOptions): Promise<WireInvoiceVoidResponse>;
}

/** Create the Invoicing calls over an HTTP client. */
export function createInvoicesApi(http: HttpClient, config: ResolvedClientConfig): InvoicesApi {
  const base = `${config.apiBaseUrl}/v1/invoices`;
  const one = (id: string): string => `${base}/${pathSegment(id, 'id')}`;
  return {
    create: async (body, options) =>
      http.send({ method: 'POST', url: base, body, idempotencyHeader: 'X-Idempotency-Key', options }),
    get: async (id, options) => http.send({ method: 'GET', url: one(id), options }),
    void: async (id, body, options) => http.send({ method: 'PATCH', url: `${one(id)}/void`, body, options }),
  };
}
