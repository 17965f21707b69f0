/**
 * A tiny node:http endpoint that hands every POST to `kit.notifications.handle(rawBody, headers)`
 * and answers with the status the webhook engine chose — what a host's webhook route does,
 * without a framework.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the receiver calls for each delivery; resolves with the HTTP status to answer. */
export type DeliveryHandler = (rawBody: string, headers: IncomingHttpHeaders) => Promise<number>;

/** A running receiver. */
export interface WebhookReceiver {
  /** URL to give Midtrans (or the simulator) as the notification URL. */
  readonly url: string;
  /** How many deliveries were handled. */
  readonly count: number;
  /** Stop listening. */
  close(): Promise<void>;
}

/** Start a receiver on 127.0.0.1 (a free port). */
export async function startWebhookReceiver(handler: DeliveryHandler): Promise<WebhookReceiver> {
  let count = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      handler(rawBody, req.headers)
        .catch(() => 500)
        .then((status) => {
          count += 1;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/midtrans/notifications`,
    get count() {
      return count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
