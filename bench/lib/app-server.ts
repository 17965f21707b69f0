/**
 * Child-process entry: an Express app for benches 1 and 6, in its own process so its RSS is its
 * own and load generation never shares its event loop. Modes:
 * - `webhook`: `midtransWebhook(kit)` at `/midtrans/notifications` (kit with `trustSignature`);
 * - `hand`: the hand-written handler (`hand-webhook.ts`) at the same path;
 * - `router`: `midtransRouter(kit)` under `/midtrans`, every request signed in as user `u1`.
 * Driven over IPC: `ready` {url} once listening; `rss` → {rss}; `close` → exits.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { midtransRouter, midtransWebhook } from '../../adapters/express.js';
import type { BenchDatabase } from './db.js';
import { type HandHandler, sqliteHandWebhook } from './hand-webhook.js';
import { mysqlHandWebhook } from './hand-webhook-mysql.js';
import { pgHandWebhook } from './hand-webhook-pg.js';
import { createBenchKit } from './kit.js';

/** What the parent sends (in `CHILD_INPUT`). */
export interface AppServerInput {
  mode: 'webhook' | 'hand' | 'router';
  db: Pick<BenchDatabase, 'kind' | 'config' | 'name' | 'url'>;
  /** Connections for MariaDB and PostgreSQL (the kit's pool and the hand-written pool alike). */
  connections: number;
}

/** Messages to the app process. */
export type AppMessage = { type: 'rss'; gc?: boolean } | { type: 'close' };
/** Messages from the app process. */
export type AppReply = { type: 'ready'; url: string } | { type: 'rss'; rss: number; heapUsed: number };

const input = JSON.parse(process.env.CHILD_INPUT ?? '{}') as AppServerInput;
const app = express();
app.disable('x-powered-by');
const closers: (() => Promise<void>)[] = [];

if (input.mode === 'hand') {
  let handle: HandHandler;
  if (input.db.kind === 'sqlite') handle = sqliteHandWebhook(input.db.name);
  else {
    const open = input.db.kind === 'postgres' ? pgHandWebhook : mysqlHandWebhook;
    const hand = open(input.db.url, input.connections);
    handle = hand.handle;
    closers.push(hand.close);
  }
  app.post('/midtrans/notifications', express.text({ type: '*/*', limit: '64kb' }), (req, res, next) => {
    handle(String(req.body), req.headers).then(
      (status) => res.status(status).json({}),
      (error: unknown) => next(error),
    );
  });
} else {
  const config =
    input.db.kind !== 'sqlite'
      ? { ...input.db.config, pool: { min: 0, max: input.connections } }
      : input.db.config;
  const kit = await createBenchKit(
    { config },
    { apiUrl: 'http://127.0.0.1:9', snapUrl: 'http://127.0.0.1:9/snap/v1' },
    { trustSignature: true },
  );
  closers.push(() => kit.close());
  if (input.mode === 'webhook') app.post('/midtrans/notifications', midtransWebhook(kit));
  else {
    app.use('/midtrans', (req, _res, next) => {
      (req as { user?: { id: string } }).user = { id: 'u1' };
      next();
    });
    app.use('/midtrans', midtransRouter(kit));
  }
}

const server = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
server.keepAliveTimeout = 65_000;
const { port } = server.address() as AddressInfo;

const send = (reply: AppReply): void => {
  process.send?.(reply);
};
process.on('message', (message: AppMessage) => {
  if (message.type === 'rss') {
    // `gc` is exposed by app-process.ts: a forced collection tells retained memory from garbage.
    if (message.gc) (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    send({ type: 'rss', rss: usage.rss, heapUsed: usage.heapUsed });
  } else if (message.type === 'close') {
    server.closeAllConnections();
    server.close();
    void Promise.allSettled(closers.map((close) => close())).then(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', url: `http://127.0.0.1:${port}` });
