/**
 * The NATS JetStream sink and consumer against the real server (`MIDTRANS_TEST_NATS_URL`, default
 * 127.0.0.1:4222). Every test has a stream and subject prefix of its own, deleted afterwards.
 * Unreachable: the tests fail under CI (`CI=true`) and are skipped elsewhere.
 */
import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection, nanos, StorageType } from 'nats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { consumeNatsEvents, createNatsSink } from '../../src/relay/nats.js';
import type { KitEvent } from '../../src/services/events/event-types.js';
import { waitFor } from '../support/wait-for.js';
import {
  describeWithBroker,
  expectRetriedOnce,
  expectThreeTypedInOrder,
  paidEvent,
  recordingHandlers,
  unreachableReason,
} from './brokers/common.js';

const SERVERS = process.env.MIDTRANS_TEST_NATS_URL ?? '127.0.0.1:4222';

const unreachable = await unreachableReason(async () => {
  const nc = await connect({ servers: SERVERS, timeout: 3000, reconnect: false });
  await nc.jetstreamManager();
  await nc.close();
});

function describeWithNats(title: string, body: () => void): void {
  describeWithBroker('NATS', SERVERS, unreachable, title, body);
}

describeWithNats('relay sink: NATS JetStream', () => {
  const run = randomBytes(4).toString('hex');
  let nc: NatsConnection;
  const streams: string[] = [];
  let count = 0;
  /** A stream and subject prefix no other test (or test file) uses. */
  const names = () => {
    count += 1;
    const names = { stream: `MIDTRANS_TEST_${run}_${count}`, subjectPrefix: `midtrans-test.${run}.${count}` };
    streams.push(names.stream);
    return names;
  };

  beforeAll(async () => {
    nc = await connect({ servers: SERVERS });
  });
  afterAll(async () => {
    const jsm = await nc.jetstreamManager();
    for (const stream of streams) await jsm.streams.delete(stream).catch(() => false);
    await nc.close();
  });

  /** A sink, and a consumer recording what its handler got (throwing when `fail` says so). */
  async function open(fail: (event: KitEvent<'payment.paid'>) => boolean = () => false) {
    const at = names();
    const sink = await createNatsSink({ servers: SERVERS, ...at });
    const received: KitEvent<'payment.paid'>[] = [];
    const errors: unknown[] = [];
    const consumer = await consumeNatsEvents({
      connection: nc,
      ...at,
      durable: 'test-consumer',
      retryDelayMs: 50,
      onError: (error) => errors.push(error),
      handlers: recordingHandlers(received, fail),
    });
    const close = async () => {
      await consumer.stop();
      await sink.close();
    };
    return { ...at, sink, received, errors, close };
  }

  it('publishes events that reach the consumer in order, typed', async () => {
    const t = await open();
    const events = ['e1', 'e2', 'e3'].map((id) => paidEvent(id));
    expect(await t.sink.publish(events)).toEqual({ duplicates: 0 });
    await expectThreeTypedInOrder(t.received, t.sink, 'nats');
    await t.close();
  });

  it('reports a repeated batch as duplicates, and the consumer gets each event once', async () => {
    const t = await open();
    const events = ['d1', 'd2', 'd3'].map((id) => paidEvent(id));
    expect(await t.sink.publish(events)).toEqual({ duplicates: 0 });
    expect(await t.sink.publish(events)).toEqual({ duplicates: 3 });
    // A later event arrives after anything published before it: once it is here, no repeat is coming.
    await t.sink.publish([paidEvent('d4')]);
    await waitFor(() => t.received.some((e) => e.id === 'd4'), { what: 'the last event' });
    expect(t.received.map((e) => e.id)).toEqual(['d1', 'd2', 'd3', 'd4']);
    const info = await (await nc.jetstreamManager()).streams.info(t.stream);
    expect(info.state.messages).toBe(4);
    await t.close();
  });

  it('a handler that throws gets the event again (nak), with the next attempt number', async () => {
    let failures = 0;
    const t = await open((event) => event.id === 'r2' && failures++ === 0);
    await expectRetriedOnce(t);
    await t.close();
  });

  it('terminates a message that is not a midtrans-kit event and goes on with the next', async () => {
    const t = await open();
    await nc.jetstream().publish(`${t.subjectPrefix}.payment.paid`, new TextEncoder().encode('{"hello":1}'));
    await t.sink.publish([paidEvent('n1')]);
    await waitFor(() => t.received.length === 1, { what: 'the event after the bad message' });
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]).toBeInstanceOf(ValidationError);
    const jsm = await nc.jetstreamManager();
    const consumerInfo = () => jsm.consumers.info(t.stream, 'test-consumer');
    await waitFor(async () => (await consumerInfo()).num_ack_pending === 0, { what: 'both to be settled' });
    expect((await consumerInfo()).num_redelivered).toBe(0);
    await t.close();
  });

  it('leaves an existing stream as it is, and a given connection open', async () => {
    const at = names();
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({
      name: at.stream,
      subjects: [`${at.subjectPrefix}.>`],
      storage: StorageType.Memory,
      duplicate_window: nanos(5_000),
    });
    const sink = await createNatsSink({ connection: nc, ...at });
    const info = await jsm.streams.info(at.stream);
    expect(info.config.storage).toBe(StorageType.Memory);
    expect(info.config.duplicate_window).toBe(nanos(5_000));
    expect(await sink.publish([paidEvent('x1')])).toEqual({ duplicates: 0 });
    await sink.close();
    expect(nc.isClosed()).toBe(false);
  });

  it('creates a missing stream with file storage and the duplicate window asked for', async () => {
    const at = names();
    const sink = await createNatsSink({ servers: SERVERS, ...at, duplicateWindowMs: 30_000 });
    const info = await (await nc.jetstreamManager()).streams.info(at.stream);
    expect(info.config).toMatchObject({
      subjects: [`${at.subjectPrefix}.>`],
      storage: StorageType.File,
      duplicate_window: nanos(30_000),
    });
    await sink.close();
  });
});
