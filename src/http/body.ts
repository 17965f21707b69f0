/**
 * Bodies: reading the raw bytes off a Node request (for adapters), then the checks every route
 * shares — size (413), media type (415) and JSON syntax (400) — done once here for all frameworks.
 */
import type { Readable } from 'node:stream';
import { HttpProblem } from './problem.js';
import type { HttpRequest } from './types.js';

/**
 * Read a request's body as sent. Resolves undefined when something upstream (a host's body
 * parser) already consumed the stream. Past `limit` bytes it stops keeping data and drains the
 * rest, so the caller can still answer 413 on a healthy connection; what it returns is then
 * `limit + 1` bytes long.
 */
export function readRawBody(stream: Readable, limit: number): Promise<Buffer | undefined> {
  if (stream.readableEnded || (stream as { complete?: boolean }).complete === true) {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      chunks.push(buffer);
      if (size > limit) {
        cleanup();
        stream.resume();
        resolve(Buffer.concat(chunks).subarray(0, limit + 1));
      }
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    // A client that hangs up mid-body never sends 'end': without this the request would wait forever.
    const onClose = () => onError(new Error('the request closed before its body was complete'));
    const cleanup = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

/** The body of a request for a JSON route: undefined when there is none. @throws HttpProblem */
export function decodeJsonBody(request: HttpRequest, limit: number): unknown {
  checkSize(request, limit);
  const raw = request.rawBody;
  const empty = raw === undefined ? request.body === undefined : raw.length === 0;
  if (empty) return undefined;
  if (!isJson(header(request, 'content-type'))) {
    throw new HttpProblem(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  let body: unknown;
  if (raw === undefined) body = request.body;
  else {
    try {
      body = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8')) as unknown;
    } catch {
      throw new HttpProblem(400, 'validation_error', 'The request is invalid', [
        { field: 'body', reason: 'is not valid JSON' },
      ]);
    }
  }
  // A small body can nest thousands of levels deep (free-form metadata); the recursive steps after
  // this one (cloning, serialising) would overflow the stack and answer 500 instead of 400.
  if (nestedDeeperThan(body, MAX_JSON_DEPTH)) {
    throw new HttpProblem(400, 'validation_error', 'The request is invalid', [
      { field: 'body', reason: `is nested more than ${MAX_JSON_DEPTH} levels deep` },
    ]);
  }
  return body;
}

/** Deepest nesting of objects and arrays a JSON body may have; real request bodies use a handful. */
const MAX_JSON_DEPTH = 32;

/** Whether `value` nests objects/arrays more than `max` levels deep; iterative, so it cannot overflow. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: { item: unknown; depth: number }[] = [{ item: value, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.item !== 'object' || next.item === null) continue;
    if (next.depth >= max) return true;
    for (const child of Object.values(next.item)) stack.push({ item: child, depth: next.depth + 1 });
  }
  return false;
}

/** Refuse a body over the limit, declared or actual. @throws HttpProblem */
export function checkSize(request: HttpRequest, limit: number): void {
  const declared = Number(header(request, 'content-length') ?? 0);
  const actual = request.rawBody === undefined ? 0 : Buffer.byteLength(request.rawBody);
  if (declared > limit || actual > limit) {
    throw new HttpProblem(413, 'payload_too_large', `The body is larger than ${limit} bytes`);
  }
}

/** One header as a string (the first of a repeated one). */
export function header(request: HttpRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : value?.[0];
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** What an adapter knows about a Node request's body. */
export interface NodeBodySource {
  /** The request stream (`req`, `ctx.req`). */
  stream: Readable;
  /** What a host's body parser left (`req.body`, `ctx.request.body`), if one ran. */
  parsed: unknown;
  /** Raw bytes a host's parser kept (`req.rawBody` from a `verify` hook, koa-bodyparser's `rawBody`). */
  kept: unknown;
}

/**
 * The body fields of an `HttpRequest` from a Node request: the raw bytes when they can still be
 * read or were kept, else what the host's parser decoded (JSON routes use it; the webhook
 * refuses it, since only the raw text is what Midtrans signed and sent).
 */
export async function nodeBody(
  source: NodeBodySource,
  limit: number,
): Promise<{ rawBody?: Buffer | string; body?: unknown }> {
  const raw = await readRawBody(source.stream, limit);
  if (raw !== undefined) return { rawBody: raw };
  if (isRaw(source.parsed)) return { rawBody: source.parsed };
  if (isRaw(source.kept)) return { rawBody: source.kept, body: source.parsed };
  return { body: source.parsed };
}

function isRaw(value: unknown): value is Buffer | string {
  return typeof value === 'string' || Buffer.isBuffer(value);
}
