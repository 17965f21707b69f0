/**
 * The card calls of the Core API host: tokenisation (`/v2/token`), card registration
 * (`/v2/card/register`), bank-point inquiry (`/v2/point_inquiry/{token}`) and the BIN API
 * (`/v1/bins/{bin}`). The two client-key calls never send the server key.
 */
import type { ResolvedClientConfig } from '../config.js';
import { ValidationError } from '../errors.js';
import type {
  WireBinResponse,
  WireCardRegisterQuery,
  WireCardRegisterResponse,
  WireCardTokenQuery,
  WireCardTokenResponse,
  WirePointInquiryQuery,
  WirePointInquiryResponse,
} from '../wire-types.js';
import type { HttpClient } from './http.js';
import { pathSegment } from './http.js';
import type { CallOptions } from './request-options.js';

/** Card-token query; `client_key` defaults to the configured client key. */
export type CardTokenQuery = Omit<WireCardTokenQuery, 'client_key'> & { client_key?: string };

/** Card-register query; `client_key` defaults to the configured client key. */
export type CardRegisterQuery = Omit<WireCardRegisterQuery, 'client_key' | 'callback'> & {
  client_key?: string;
};

/** The card calls; part of {@link CoreApi}. */
export interface CardApi {
  /** `GET /v2/token`: authenticated by the client key in the query, never by the server key. */
  cardToken(query: CardTokenQuery, options?: CallOptions): Promise<WireCardTokenResponse>;
  /**
   * `GET /v2/card/register`: saves a card (number and expiry, no CVV) and answers its
   * `saved_token_id` for one- and two-click payments. Client-key authenticated, like `cardToken`.
   */
  cardRegister(query: CardRegisterQuery, options?: CallOptions): Promise<WireCardRegisterResponse>;
  /** `GET /v2/point_inquiry/{tokenId}`: the card's bank-point balance in IDR. */
  pointInquiry(
    tokenId: string,
    query?: WirePointInquiryQuery,
    options?: CallOptions,
  ): Promise<WirePointInquiryResponse>;
  /** `GET /v1/bins/{bin}` (BIN API): issuer, network and type of a card prefix; advisory data. */
  binLookup(bin: string, options?: CallOptions): Promise<WireBinResponse>;
}

/** Create the card calls over an HTTP client. */
export function createCardApi(http: HttpClient, config: ResolvedClientConfig): CardApi {
  const v2 = `${config.apiBaseUrl}/v2`;
  // Both client-key calls carry card data in the query: the HTTP layer keeps queries out of
  // errors and logs, and the server key is not sent at all.
  const withClientKey = (given: string | undefined): string => {
    const clientKey = given ?? config.clientKey;
    if (!clientKey) throw new ValidationError({ field: 'clientKey', reason: 'is required for card calls' });
    return clientKey;
  };

  return {
    cardToken: async (query, options) =>
      http.send({
        method: 'GET',
        url: `${v2}/token`,
        query: { ...query, client_key: withClientKey(query.client_key) },
        auth: false,
        options,
      }),
    cardRegister: async (query, options) =>
      http.send({
        method: 'GET',
        url: `${v2}/card/register`,
        query: { ...query, client_key: withClientKey(query.client_key) },
        auth: false,
        options,
      }),
    pointInquiry: async (tokenId, query = {}, options) =>
      http.send({
        method: 'GET',
        url: `${v2}/point_inquiry/${pathSegment(tokenId, 'tokenId')}`,
        query: { ...query },
        options,
      }),
    binLookup: async (bin, options) =>
      http.send({ method: 'GET', url: `${config.apiBaseUrl}/v1/bins/${pathSegment(bin, 'bin')}`, options }),
  };
}
