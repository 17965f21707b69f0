/** HTTP plumbing of the simulator server: family of a path, auth, body reading, writing answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiFamily, SimResponse } from './router.js';
import { coreError, messagesError, subscriptionError } from './wire-errors.js';

const MAX_BODY_BYTES = 1_048_576;

/** The API family of a path that matched no route (for its 404 shape). */
export function familyOfPath(path: string): ApiFamily {
  if (path.startsWith('/snap/')) return 'snap';
  if (path.startsWith('/v1/subscriptions')) return 'subscription';
  if (path.startsWith('/v1/invoices') || path.startsWith('/v1/payment-links')) return 'invoice';
  if (path.startsWith('/v1/bins')) return 'bin';
  return 'core';
}

/** A 404 for an unknown path, in the family shape. */
export function notFound(family: ApiFamily): SimResponse {
  if (family === 'snap' || family === 'invoice') return messagesError(404, ['Not Found']);
  if (family === 'subscription') return subscriptionError(404, 'Not Found');
  return coreError('404', 'The requested resource is not found');
}

/** The username of a Basic auth header (Midtrans puts the key there), or null. */
export function basicUsername(header: string | undefined): string | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? decoded : decoded.slice(0, colon);
}

/** Whether a Basic auth header carries the server key as username. */
export function authorized(header: string | undefined, serverKey: string): boolean {
  return basicUsername(header) === serverKey;
}

/** Read a request body (undefined when over 1 MB or broken). */
export function readBody(req: IncomingMessage): Promise<string | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return Promise.resolve('');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

/** Write an answer: redirect, HTML, or JSON (a string body is sent as already-serialized JSON). */
export function write(res: ServerResponse, response: SimResponse): void {
  if (res.destroyed) return;
  if (response.status === 204) {
    res.writeHead(204).end();
    return;
  }
  if (response.location !== undefined) {
    res.writeHead(response.status, { Location: response.location, 'Content-Length': 0 });
    res.end();
    return;
  }
  if (response.png !== undefined) {
    res.writeHead(response.status, {
      'Content-Type': 'image/png',
      'Content-Length': response.png.byteLength,
      'Cache-Control': 'no-store',
    });
    res.end(response.png);
    return;
  }
  if (response.html !== undefined) {
    res.writeHead(response.status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(response.html),
    });
    res.end(response.html);
    return;
  }
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? null);
  res.writeHead(response.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
