/**
 * Web-standard `Request`/`Response` ↔ the kit's plain request and response: what the fetch handler
 * (Next.js route handlers, Hono, any Fetch API runtime) and nothing else needs. Node 20 has
 * `Request`, `Response` and `Headers` built in, so this pulls in no dependency.
 */
import type { HttpHeaders } from './types.js';

/** The parts of a web request the route table and the dashboard read. */
export interface WebRequestParts {
  /** Path below `prefix` (`/` at the prefix itself), or undefined when the URL is not under it. */
  readonly path: string | undefined;
  /** Lower-case header names; repeated headers joined as the Fetch API joins them. */
  readonly headers: HttpHeaders;
  /** Query values: a string, or a list when a name repeats (as Express and Koa give them). */
  readonly query: Record<string, string | string[]>;
}

/** Split a web request's URL and headers; `prefix` is where the kit is mounted (`''` for the root). */
export function webRequestParts(request: Request, prefix: string): WebRequestParts {
  const url = new URL(request.url);
  const base = prefix.replace(/\/+$/, '');
  const under =
    url.pathname === base || url.pathname.startsWith(`${base}/`)
      ? url.pathname.slice(base.length)
      : undefined;
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return { path: under === '' ? '/' : under, headers: Object.fromEntries(request.headers), query };
}

/**
 * The body as bytes, keeping at most `limit + 1` of them: past the limit reading stops, and the
 * handler answers 413 from the length, as it does for Node streams.
 */
export async function webBody(request: Request, limit: number): Promise<Buffer | undefined> {
  if (request.body === null) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, limit + 1);
}

/** A web `Response` from the kit's status, headers and body (`set-cookie` lists kept as lines). */
export function webResponse(
  method: string,
  answer: { status: number; headers: Readonly<Record<string, string | string[]>>; body: string },
): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    for (const line of Array.isArray(value) ? value : [value]) headers.append(name, line);
  }
  const empty = method.toUpperCase() === 'HEAD' || answer.status === 204 || answer.status === 304;
  return new Response(empty ? null : answer.body, { status: answer.status, headers });
}
