/**
 * A transport on `node:http`/`node:https` instead of `fetch`. It exists because fetch (per the
 * Fetch standard) turns any HTTP 407 into a network error, and Midtrans uses body code 407 for
 * "transaction expired": should Midtrans, or a simulator, put 407 on the status line too, only a
 * transport that hands back every status can read that answer.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Transport } from './transport.js';

/** Transport over Node's own HTTP stack; returns every status, 407 included. */
export const nodeHttpTransport: Transport = (request) =>
  new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = request.body ?? '';
    const outgoing = send(
      url,
      {
        method: request.method,
        headers: { ...request.headers, 'Content-Length': String(Buffer.byteLength(body)) },
        signal: request.signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('close', () => {
          // A socket dropped mid-body must not pass for a complete (truncated) answer.
          if (!response.complete) reject(new Error('connection closed before the response was complete'));
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: flattenHeaders(response.headers),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
