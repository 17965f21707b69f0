/**
 * The shared HTTP layer of every Midtrans API: auth, JSON, deadlines, error rule and retries.
 * Retries happen only where repeating cannot charge twice: GETs, and writes that carry an
 * idempotency key — and then only for network errors, 5xx (not 501), 429 and "still in progress".
 */
import type { ResolvedClientConfig } from '../config.js';
import { MidtransApiError, MidtransNetworkError, redactSecrets, ValidationError } from '../errors.js';
import type { BackoffOptions } from './backoff.js';
import { abortableSleep, backoffDelay, DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS } from './backoff.js';
import { Deadline, withCancelHook } from './deadline.js';
import type { IdempotencyHeader, RequestOptions } from './request-options.js';
import { optionHeaders } from './request-options.js';
import { interpretAnswer } from './response.js';
import type { HttpMethod, TransportRequest, TransportResponse } from './transport.js';

/** One logical API call (the client may perform it more than once). */
export interface ApiRequest {
  /** HTTP method. */
  method: HttpMethod;
  /** Absolute URL without query string. */
  url: string;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | undefined>;
  /** JSON body (an object), absent for bodiless calls. */
  body?: object;
  /** Send Basic auth with the server key. Default true; card tokenisation authenticates by query instead. */
  auth?: boolean;
  /** The idempotency header this endpoint honours; absent when it takes no key. */
  idempotencyHeader?: IdempotencyHeader;
  /** Treat body `status_code` 407 (expired transaction) as a normal answer. */
  accept407?: boolean;
  /** Per-call options. */
  options?: RequestOptions | undefined;
}

/** Sends API calls; resolves with the parsed JSON body of a successful answer. */
export interface HttpClient {
  /** Perform `request`, retrying where safe. `T` is the documented wire shape of the answer. */
  send<T>(request: ApiRequest): Promise<T>;
}

/** Test seams of the HTTP client (retry pacing). */
export type HttpClientDeps = BackoffOptions;

const USER_AGENT = `midtrans-kit (node ${process.version})`;

interface Exchange {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Method and path only: queries can carry card data and must stay out of errors and logs. */
  label: string;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  accept407: boolean;
  idempotent: boolean;
}

/** Create the HTTP client of one configuration; instances share no state. */
export function createHttpClient(config: ResolvedClientConfig, deps: HttpClientDeps = {}): HttpClient {
  const sleep = deps.sleep ?? abortableSleep;
  const random = deps.random ?? Math.random;
  const baseMs = deps.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxMs = deps.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const secrets = config.clientKey ? [config.serverKey, config.clientKey] : [config.serverKey];
  const authorization = `Basic ${Buffer.from(`${config.serverKey}:`).toString('base64')}`;

  async function send<T>(request: ApiRequest): Promise<T> {
    const options = request.options ?? {};
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'User-Agent': USER_AGENT,
      ...optionHeaders(options, request.idempotencyHeader),
    };
    if (request.auth !== false) headers.Authorization = authorization;
    if (request.body !== undefined && (typeof request.body !== 'object' || request.body === null)) {
      throw new ValidationError({ field: 'body', reason: 'must be an object' });
    }
    const idempotent = request.idempotencyHeader !== undefined && request.idempotencyHeader in headers;
    const exchange: Exchange = {
      method: request.method,
      url: withQuery(request.url, request.query),
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      label: `${request.method} ${pathOf(request.url)}`,
      timeoutMs: options.timeoutMs ?? config.timeoutMs,
      signal: options.signal,
      accept407: request.accept407 === true,
      idempotent,
    };
    // DELETE is idempotent by definition: repeating one after a lost answer removes nothing more
    // (the repeat may answer 404, which the caller of a delete reads as "already gone").
    const retrySafe = request.method === 'GET' || request.method === 'DELETE' || idempotent;
    for (let attempt = 0; ; attempt++) {
      try {
        // The wire types describe what Midtrans documents; the body is not re-validated here.
        return (await attemptOnce(exchange, attempt)) as T;
      } catch (error) {
        if (!retrySafe || attempt >= config.maxRetries || !isRetryable(error) || options.signal?.aborted) {
          throw error;
        }
        const delayMs = backoffDelay(attempt, random, baseMs, maxMs);
        config.logger.warn(
          { request: exchange.label, retry: attempt + 1, delayMs, reason: error.message },
          'midtrans-kit: retrying Midtrans request',
        );
        await sleep(delayMs, options.signal);
      }
    }
  }

  async function attemptOnce(ex: Exchange, attempt: number): Promise<Record<string, unknown>> {
    config.logger.debug({ request: ex.label, attempt }, 'midtrans-kit: Midtrans request');
    const deadline = new Deadline(ex.timeoutMs, ex.signal);
    let response: TransportResponse;
    try {
      const request: TransportRequest = {
        method: ex.method,
        url: ex.url,
        headers: { ...ex.headers },
        ...(ex.body === undefined ? {} : { body: ex.body }),
        // A getter, so the AbortController behind it exists only for transports that read it.
        get signal() {
          return deadline.signal;
        },
      };
      // Raced against the deadline so that a transport ignoring it still cannot outlive it.
      response = await deadline.race(config.transport(withCancelHook(request, deadline)));
    } catch (error) {
      if (deadline.timedOut()) {
        throw new MidtransNetworkError(
          'timeout',
          `${ex.label}: no answer from Midtrans within ${ex.timeoutMs} ms` +
            (ex.method === 'GET' ? '' : '; whether Midtrans acted on it is unknown'),
        );
      }
      if (ex.signal?.aborted) throw ex.signal.reason;
      const reason = redactSecrets(describe(error), secrets);
      throw new MidtransNetworkError('connection', `${ex.label}: could not reach Midtrans (${reason})`, {
        cause: safeCause(error, reason, secrets),
      });
    } finally {
      deadline.clear();
    }
    config.logger.debug({ request: ex.label, status: response.status }, 'midtrans-kit: Midtrans answered');
    return interpretAnswer({
      httpStatus: response.status,
      body: response.body,
      secrets,
      accept407: ex.accept407,
      idempotent: ex.idempotent,
    });
  }

  return { send };
}

/** Encode one path segment (an order id, transaction id…), refusing values that would change the path. */
export function pathSegment(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError({ field, reason: 'must be a non-empty string' });
  }
  // encodeURIComponent leaves dots alone, and "/v2/../status" would be normalised to another endpoint.
  if (value === '.' || value === '..')
    throw new ValidationError({ field, reason: 'must not be "." or ".."' });
  return encodeURIComponent(value);
}

function isRetryable(error: unknown): error is MidtransApiError | MidtransNetworkError {
  return error instanceof MidtransNetworkError || (error instanceof MidtransApiError && error.retryable);
}

/**
 * The path of an absolute URL without a query, as `new URL(url).pathname` gives it for the URLs
 * the API modules build (origin + encoded segments), without parsing a URL per call.
 */
function pathOf(url: string): string {
  // Never a query or fragment in a label: queries can carry card data.
  const cut = url.search(/[?#]/);
  const head = cut < 0 ? url : url.slice(0, cut);
  const start = head.indexOf('/', head.indexOf('//') + 2);
  return start < 0 ? '/' : head.slice(start);
}

function withQuery(url: string, query: Record<string, string | undefined> | undefined): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.append(name, value);
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

/** "fetch failed: other side closed" — undici hides the useful part in `cause`. */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth++) {
    if (current.message) parts.push(current.message);
    current = current.cause;
  }
  return (parts.join(': ') || String(error)).slice(0, 300);
}

/** Keep the original error as `cause` for debugging unless it carries a secret anywhere. */
function safeCause(error: unknown, reason: string, secrets: readonly string[]): unknown {
  const text = error instanceof Error ? `${describe(error)}\n${error.stack ?? ''}` : String(error);
  return redactSecrets(text, secrets) === text ? error : new Error(reason);
}
