/**
 * The one seam between midtrans-kit and the network. Everything above it (auth, retries, error
 * rules) is transport-agnostic, so a host can plug in a proxy-aware client or a test double.
 */

/** HTTP methods the Midtrans APIs use. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One HTTP exchange as midtrans-kit asks a transport to perform it. */
export interface TransportRequest {
  /** HTTP method. */
  method: HttpMethod;
  /** Absolute URL, query string included. */
  url: string;
  /** Request headers, already complete (auth included). */
  headers: Record<string, string>;
  /** JSON text of the body, absent for bodiless requests. */
  body?: string;
  /** Aborted when the per-request deadline passes or the caller gives up; a transport should honour it. */
  signal: AbortSignal;
}

/** What came back: the status line, headers (lower-case names) and the whole body as text. */
export interface TransportResponse {
  /** HTTP status code. */
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The full body text. */
  body: string;
}

/**
 * Performs one HTTP exchange. Reject (any error) when no response could be obtained; resolve for
 * every response, whatever its status: interpreting statuses is the HTTP client's job.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** Default transport: Node's global `fetch`. */
export const fetchTransport: Transport = async (request) => {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    // A payment request must never be replayed at another address with our credentials attached.
    redirect: 'manual',
  });
  const body = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, body };
};
