/**
 * A transport on `node:http`/`node:https` instead of `fetch`. It exists because fetch (per the
 * Fetch standard) turns any HTTP 407 into a network error, and Midtrans uses body code 407 for
 * "transaction expired": should Midtrans, or a simulator, put 407 on the status line too, only a
 * transport that hands back every status can read that answer. It is also the cheaper of the two
 * per request, and the default.
 */
import type { ClientRequest, IncomingHttpHeaders } from 'node:http';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { cancelHookOf } from './deadline.js';
import type { Transport } from './transport.js';

/**
 * How long an idle kept-alive connection stays open. Servers and proxies close idle connections
 * on their own schedule, and a request written into one they just closed fails — a charge without
 * an idempotency key is then not retried. Closing ours first (Node's global agent uses 5 s too)
 * keeps that race rare, while a busy client still reuses every connection.
 */
const IDLE_SOCKET_MS = 5_000;

// Our own agents rather than Node's global ones: connection reuse must not depend on what else in
// the process did to `http.globalAgent` (a host may replace it, e.g. with keepAlive off). No cap on
// sockets (like the global agent): a cap would queue a host's concurrent payments behind each other.
const agentOptions = { keepAlive: true, timeout: IDLE_SOCKET_MS, scheduling: 'lifo' } as const;
const httpAgent = new HttpAgent(agentOptions);
const httpsAgent = new HttpsAgent(agentOptions);

/** Transport over Node's own HTTP stack; returns every status, 407 included. */
export const nodeHttpTransport: Transport = (request) =>
  new Promise((resolve, reject) => {
    const secure = request.url.startsWith('https:');
    const body = request.body ?? '';
    const options = {
      method: request.method,
      headers: { ...request.headers, 'Content-Length': String(Buffer.byteLength(body)) },
      agent: secure ? httpsAgent : httpAgent,
    };
    // A string URL: http.request parses it once itself, so no URL object is built here as well.
    const outgoing = (secure ? httpsRequest : httpRequest)(request.url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('close', () => {
        // A socket dropped mid-body must not pass for a complete (truncated) answer.
        if (!response.complete) reject(new Error('connection closed before the response was complete'));
      });
      // Headers flattened here, not lazily on first read: a getter would keep the IncomingMessage
      // (and what hangs off it) alive as long as the answer, and that cost more than the
      // flattening: bench 2 lost up to a fifth of its throughput, and so did the bare loop beside it.
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: flattenHeaders(response.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.on('error', reject);
    followCancellation(request, outgoing);
    outgoing.end(body);
  });

/**
 * Destroy the exchange when its attempt is cancelled (deadline passed, caller aborted). From the
 * midtrans-kit HTTP client this is a plain callback ({@link cancelHookOf}); from anyone else the
 * request's `signal`, read only then (reading it is what creates it).
 */
function followCancellation(request: Parameters<Transport>[0], outgoing: ClientRequest): void {
  const cancel = (reason: unknown): void => {
    outgoing.destroy(reason instanceof Error ? reason : new Error('request cancelled', { cause: reason }));
  };
  const hook = cancelHookOf(request);
  if (hook) {
    hook(cancel);
    return;
  }
  const { signal } = request;
  if (signal.aborted) {
    cancel(signal.reason);
    return;
  }
  const onAbort = (): void => cancel(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  outgoing.once('close', () => signal.removeEventListener('abort', onAbort));
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
