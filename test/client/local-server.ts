/**
 * A tiny stand-in for Midtrans: records every request exactly as it arrived and answers with
 * whatever the test scripts (a fixture, an error body, silence, or a dropped socket).
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FIXTURE_SERVER_KEY } from '../support/fixtures.js';

/** Sandbox server key every fixture signature is computed with. */
export const SERVER_KEY = FIXTURE_SERVER_KEY;
/** A sandbox client key. */
export const CLIENT_KEY = 'SB-Mid-client-TEST-KEY-0000';
/** The Authorization header Midtrans expects for SERVER_KEY. */
export const BASIC_AUTH = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`;

/** A request as the server saw it. */
export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Raw body text ('' when none). */
  rawBody: string;
  /** Parsed JSON body, or undefined when empty. */
  json: unknown;
}

/** What the server does with one request. */
export type Reply =
  | { status: number; body: unknown; raw?: boolean; headers?: Record<string, string> }
  | { hang: true }
  | { destroy: true };

/** A running local server. */
export interface LocalServer {
  /** Base URL, e.g. http://127.0.0.1:12345 (no trailing slash). */
  url: string;
  /** Every request received, in order. */
  requests: Recorded[];
  close(): Promise<void>;
}

/** Start a server on 127.0.0.1 with an OS-chosen port; `handler` gets each request and its index. */
export async function startServer(handler: (req: Recorded, index: number) => Reply): Promise<LocalServer> {
  const requests: Recorded[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://local');
      const recorded: Recorded = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        rawBody,
        json: rawBody ? JSON.parse(rawBody) : undefined,
      };
      requests.push(recorded);
      const reply = handler(recorded, requests.length - 1);
      if ('hang' in reply) return;
      if ('destroy' in reply) {
        req.socket.destroy();
        return;
      }
      const text = reply.raw ? String(reply.body) : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
