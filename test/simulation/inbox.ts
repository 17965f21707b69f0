/**
 * Where the simulator's notifications land: a small HTTP endpoint that answers 200 at once and
 * keeps each body. The history then hands them to the kit's real webhook itself, duplicated,
 * reordered, late or not at all, as its seed says.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The captured notifications. */
export interface Inbox {
  /** The URL the simulator notifies. */
  readonly url: string;
  /** Bodies not yet delivered (or dropped), oldest first. */
  readonly waiting: string[];
  /** The last body handed to the webhook (a tamperer's starting point). */
  lastDelivered: string | undefined;
  listen(): Promise<void>;
  close(): Promise<void>;
}

/** Create the inbox (call `listen` before using `url`). */
export function createInbox(): Inbox {
  let server: Server | undefined;
  let url = '';
  const waiting: string[] = [];
  return {
    get url() {
      return url;
    },
    waiting,
    lastDelivered: undefined,
    async listen() {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          waiting.push(Buffer.concat(chunks).toString('utf8'));
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        });
      });
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
    },
    async close() {
      server?.closeAllConnections();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
