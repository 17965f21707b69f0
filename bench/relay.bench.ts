/**
 * Bench 7 — relay throughput: events per second from the outbox (SQLite) to the broker's confirm,
 * per sink, against a bare publish loop of the same client library in the same run (the same
 * events, the same batch size, each batch awaited until the broker confirmed it). The relay adds
 * a claim, a mark and a completion per batch; the target is ≥ 0.7× of the bare loop.
 */

import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { connect as amqpConnect } from 'amqplib';
import { Queue } from 'bullmq';
import { nanos, connect as natsConnect, StorageType } from 'nats';
import { createMidtrans, type MidtransKit } from '../src/index.js';
import { createBullMqSink } from '../src/relay/bullmq.js';
import type { EventSink, RelayedEvent } from '../src/relay/event-sink.js';
import { createNatsSink } from '../src/relay/nats.js';
import { createRabbitMqSink } from '../src/relay/rabbitmq.js';
import { startRelay } from '../src/relay/relay.js';
import { encodeRelayedEvent } from '../src/relay/relayed-event.js';
import { createBenchDatabase } from './lib/db.js';
import { type Bench, runIfMain } from './lib/main.js';
import { atLeast, type BenchOptions, type Check, RowSet } from './lib/result.js';

const BATCH = 200;

/** One broker: its sink, and the bare loop with the library alone. */
interface Target {
  name: string;
  sink(tag: string): Promise<EventSink>;
  /** Publish `events` in batches with the library alone; resolves after the last confirm. */
  bare(tag: string): Promise<{ publish(events: RelayedEvent[]): Promise<void>; close(): Promise<void> }>;
}

const encoder = new TextEncoder();

const TARGETS: Target[] = [
  {
    name: 'NATS JetStream',
    sink: (tag) =>
      createNatsSink({ servers: 'nats://127.0.0.1:4222', stream: `B_${tag}`, subjectPrefix: `b${tag}` }),
    async bare(tag) {
      // The connection options the sink uses for a connection of its own (no async stack traces).
      const nc = await natsConnect({ servers: 'nats://127.0.0.1:4222', noAsyncTraces: true });
      const jsm = await nc.jetstreamManager();
      await jsm.streams.add({
        name: `BB_${tag}`,
        subjects: [`bb${tag}.>`],
        storage: StorageType.File,
        duplicate_window: nanos(120_000),
      });
      const js = nc.jetstream();
      return {
        async publish(events) {
          await Promise.all(
            events.map((e) =>
              js.publish(`bb${tag}.${e.type}`, encoder.encode(encodeRelayedEvent(e)), { msgID: e.id }),
            ),
          );
        },
        async close() {
          await jsm.streams.delete(`BB_${tag}`);
          await jsm.streams.delete(`B_${tag}`).catch(() => false);
          await nc.close();
        },
      };
    },
  },
  {
    name: 'RabbitMQ',
    sink: (tag) => createRabbitMqSink({ url: 'amqp://guest:guest@127.0.0.1:5672', exchange: `b.${tag}` }),
    async bare(tag) {
      const model = await amqpConnect('amqp://guest:guest@127.0.0.1:5672');
      const channel = await model.createConfirmChannel();
      await channel.assertExchange(`bb.${tag}`, 'topic', { durable: true });
      return {
        async publish(events) {
          for (const e of events) {
            // The same message the sink sends: what a hand-written relay of these events would publish.
            channel.publish(`bb.${tag}`, e.type, Buffer.from(encodeRelayedEvent(e)), {
              persistent: true,
              messageId: e.id,
              contentType: 'application/json',
              type: e.type,
              timestamp: Math.floor(Date.parse(e.occurredAt) / 1000),
              headers: { 'x-event-key': e.key },
            });
          }
          await channel.waitForConfirms();
        },
        async close() {
          await channel.deleteExchange(`bb.${tag}`);
          await channel.deleteExchange(`b.${tag}`);
          await model.close();
        },
      };
    },
  },
  {
    name: 'BullMQ (Redis)',
    sink: (tag) => createBullMqSink({ connection: { host: '127.0.0.1', port: 6379 }, queue: `b-${tag}` }),
    async bare(tag) {
      const queue = new Queue(`bb-${tag}`, { connection: { host: '127.0.0.1', port: 6379 } });
      const relayQueue = new Queue(`b-${tag}`, { connection: { host: '127.0.0.1', port: 6379 } });
      return {
        async publish(events) {
          await queue.addBulk(events.map((e) => ({ name: e.type, data: e, opts: { jobId: e.id } })));
        },
        async close() {
          await queue.obliterate({ force: true });
          await relayQueue.obliterate({ force: true });
          await queue.close();
          await relayQueue.close();
        },
      };
    },
  },
];

function eventsFor(tag: string, count: number): RelayedEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${tag}-E${i}`,
    type: 'payment.paid',
    occurredAt: new Date().toISOString(),
    key: `${tag}-P${i % 100}`,
    payload: {
      payment: { id: `${tag}-P${i % 100}`, orderId: `${tag}-P${i % 100}`, grossAmount: 10_000 },
      from: 'pending',
      source: 'notification',
    },
  }));
}

async function writeOutbox(kit: MidtransKit, events: RelayedEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += 500) {
    await kit.store.transaction(async (tx) => {
      for (const e of events.slice(start, start + 500))
        await tx.outbox.insert({ eventId: e.id, type: e.type, payload: e.payload });
    });
  }
}

/** Events/s of one relay draining `count` events. */
async function relayRun(target: Target, count: number): Promise<number> {
  const tag = randomBytes(3).toString('hex');
  const db = await createBenchDatabase('sqlite');
  const kit = createMidtrans({
    serverKey: 'SB-Mid-server-BENCH',
    database: db.config,
    tablePrefix: 'r_',
    events: { pollMs: 0 },
  });
  const sink = await target.sink(tag);
  try {
    await kit.migrate();
    await writeOutbox(kit, eventsFor(tag, count));
    const started = performance.now();
    const relay = startRelay(kit, sink, { batchSize: BATCH, pollMs: 0 });
    while ((await relay.deliverPending()).delivered > 0 || (await kit.events.pending(relay.name)) > 0) {
      // deliverPending runs at most 20 rounds: go on until the outbox is drained.
    }
    const elapsed = performance.now() - started;
    await relay.stop();
    return (count / elapsed) * 1000;
  } finally {
    await sink.close();
    await kit.close();
    await db.drop();
  }
}

/** Events/s of the bare library loop over the same number of events and batch size. */
async function bareRun(target: Target, count: number): Promise<number> {
  const tag = randomBytes(3).toString('hex');
  const bare = await target.bare(tag);
  try {
    const events = eventsFor(tag, count);
    const started = performance.now();
    for (let start = 0; start < count; start += BATCH) await bare.publish(events.slice(start, start + BATCH));
    return (count / (performance.now() - started)) * 1000;
  } finally {
    await bare.close();
  }
}

/** Run bench 7. */
export const relayBench: Bench = async (options: BenchOptions) => {
  const count = options.quick ? 400 : 10_000;
  const rows = new RowSet();
  const checks: Check[] = [];
  for (const target of TARGETS) {
    const ratios: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      // Alternate which side goes first, so drift on the shared machine hits both alike.
      let relay: number;
      let bare: number;
      if (run % 2 === 0) {
        relay = await relayRun(target, count);
        bare = await bareRun(target, count);
      } else {
        bare = await bareRun(target, count);
        relay = await relayRun(target, count);
      }
      rows.add(`${target.name}: relay (outbox → confirm)`, 'events/s', relay);
      rows.add(`${target.name}: bare library loop`, 'events/s', bare);
      ratios.push(relay / bare);
    }
    for (const ratio of ratios) rows.add(`${target.name}: relay / bare`, '×', ratio);
    checks.push(atLeast(`${target.name} relay vs bare publish`, ratios, 0.7));
  }
  return {
    id: 'relay',
    title: '7. Relay: events/s from the outbox to the broker’s confirm',
    rows: rows.all(),
    checks,
    notes: [
      `${count} events in a SQLite outbox, one relay, batches of ${BATCH}; the bare loop publishes the same events with the same library and batch size, awaiting each batch's confirms.`,
    ],
  };
};

runIfMain(import.meta.url, relayBench);
