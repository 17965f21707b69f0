/**
 * Child-process entry of `bench/profile-summary.ts`, run under `node --cpu-prof`: a kit on a
 * temporary SQLite file, against the simulator process the parent started, doing one hot path N
 * times. It reports the measured window on V8's clock (so start-up and migrations stay out of the
 * summary) and the statements it ran (through the store's statement tap). Over IPC:
 * parent `start` → child (webhook: `started`, the parent posts the notifications, then `stop`)
 * → `done` → the child exits, writing its profile.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { midtransWebhook } from '../../adapters/express.js';
import { statementTapOf } from '../../src/storage/statement-tap.js';
import { createBenchDatabase } from './db.js';
import { createBenchKit } from './kit.js';
import { seedPendingPayments } from './seed.js';

/** The hot paths profiled. */
export type ProfiledPath = 'webhook' | 'charge' | 'reconcile';

/** What the parent sends (in `CHILD_INPUT`). */
export interface ProfileJob {
  path: ProfiledPath;
  /** Measured iterations (reconcile: payments in the measured run). */
  iterations: number;
  /** Warm-up iterations before the window. */
  warmup: number;
  /** Order-id prefix; warm-up orders are `${prefix}W-i`, measured ones `${prefix}M-i`. */
  prefix: string;
  apiUrl: string;
  snapUrl: string;
}

/** Messages from the child. */
export type ProfileReply =
  | { type: 'ready'; url: string }
  | { type: 'started' }
  | {
      type: 'done';
      fromUs: number;
      toUs: number;
      /** Statements and transactions of the warm-up (counted outside the profiled window). */
      statements: number;
      transactions: number;
    };
/** Messages to the child. */
export type ProfileMessage = { type: 'start' } | { type: 'stop' };

const job = JSON.parse(process.env.CHILD_INPUT ?? '{}') as ProfileJob;
const send = (reply: ProfileReply) => process.send?.(reply);
// V8's profile clock is the monotonic clock in µs, as hrtime is.
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

const db = await createBenchDatabase('sqlite');
const kit = await createBenchKit(db, job);
const hourAgo = new Date(Date.now() - 3_600_000);
let url = '';
let close = async () => {};
if (job.path !== 'charge') {
  await seedPendingPayments(kit.store, `${job.prefix}W`, job.warmup, hourAgo);
  if (job.path === 'webhook') await seedPendingPayments(kit.store, `${job.prefix}M`, job.iterations, hourAgo);
}
if (job.path === 'webhook') {
  const app = express();
  app.post('/midtrans/notifications', midtransWebhook(kit));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/midtrans/notifications`;
  close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
}

let charged = 0;
const charge = () =>
  kit.payments.createCharge({
    orderId: `${job.prefix}C-${charged++}`,
    paymentType: 'bank_transfer',
    grossAmount: 10_000,
    paymentOptions: { bank: 'bca' },
  });

// Statements are counted during the warm-up, so the counting is not in the profiled window.
let statements = 0;
let transactions = 0;
const tap = statementTapOf(kit.store);
if (tap === undefined) throw new Error('the kit store has no statement tap');
const stopCounting = tap.listen((statement) => {
  statements += 1;
  if (statement.kind === 'begin') transactions += 1;
});
let fromUs = 0;
function open(): void {
  stopCounting();
  fromUs = nowUs();
}
async function finish(): Promise<void> {
  const toUs = nowUs();
  send({ type: 'done', fromUs, toUs, statements, transactions });
  await close();
  await kit.close();
  await db.drop();
  process.exit(0);
}

process.on('message', (message: ProfileMessage) => {
  if (message.type === 'stop') {
    void finish();
    return;
  }
  void (async () => {
    if (job.path === 'webhook') {
      open();
      send({ type: 'started' });
      return;
    }
    if (job.path === 'charge') {
      for (let i = 0; i < job.warmup; i++) await charge();
      open();
      for (let i = 0; i < job.iterations; i++) await charge();
    } else {
      await kit.reconciler.run({ olderThan: 60_000 });
      stopCounting();
      await seedPendingPayments(kit.store, `${job.prefix}M`, job.iterations, hourAgo);
      open();
      const summary = await kit.reconciler.run({ olderThan: 60_000 });
      if (summary.updated !== job.iterations) throw new Error(`reconciled ${summary.updated} payments`);
    }
    await finish();
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', url });
