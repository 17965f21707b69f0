/**
 * The RabbitMQ sink and consumer against the real broker (`MIDTRANS_TEST_AMQP_URL`, default
 * amqp://guest:guest@127.0.0.1:5672). Every test has an exchange and queues of its own, deleted
 * afterwards. Unreachable: the tests fail under CI (`CI=true`) and are skipped elsewhere.
 */
import { randomBytes } from 'node:crypto';
import { type Channel, type ChannelModel, connect, type GetMessage } from 'amqplib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { consumeRabbitMqEvents, createRabbitMqSink } from '../../src/relay/rabbitmq.js';
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

const URL = process.env.MIDTRANS_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

const unreachable = await unreachableReason(async () => {
  const model = await connect(URL, { timeout: 3000 });
  model.on('error', () => {});
  await model.close();
});

function describeWithRabbitMq(title: string, body: () => void): void {
  describeWithBroker('RabbitMQ', URL, unreachable, title, body);
}

describeWithRabbitMq('relay sink: RabbitMQ', () => {
  const run = randomBytes(4).toString('hex');
  let model: ChannelModel;
  let admin: Channel;
  const exchanges: string[] = [];
  const queues: string[] = [];
  let count = 0;
  /** An exchange and queue no other test (or test file) uses. */
  const names = () => {
    count += 1;
    const names = { exchange: `midtrans.test.${run}.${count}`, queue: `midtrans-test-${run}-${count}` };
    exchanges.push(names.exchange);
    queues.push(names.queue, `${names.queue}-raw`);
    return names;
  };

  beforeAll(async () => {
    model = await connect(URL);
    model.on('error', () => {});
    admin = await model.createChannel();
    admin.on('error', () => {});
  });
  afterAll(async () => {
    const cleanup = await model.createChannel();
    for (const queue of queues) await cleanup.deleteQueue(queue);
    for (const exchange of exchanges) await cleanup.deleteExchange(exchange);
    await model.close();
  });

  /** A sink, and a consumer (on a channel of its own) recording what its handler got. */
  async function open(fail: (event: KitEvent<'payment.paid'>) => boolean = () => false) {
    const at = names();
    const sink = await createRabbitMqSink({ url: URL, exchange: at.exchange });
    const channel = await model.createChannel();
    channel.on('error', () => {});
    const received: KitEvent<'payment.paid'>[] = [];
    const errors: unknown[] = [];
    const consumer = await consumeRabbitMqEvents({
      channel,
      queue: at.queue,
      exchange: at.exchange,
      prefetch: 10,
      onError: (error) => errors.push(error),
      handlers: recordingHandlers(received, fail),
    });
    const close = async () => {
      await consumer.stop();
      await channel.close();
      await sink.close();
    };
    return { ...at, sink, received, errors, close };
  }

  it('publishes events that reach the consumer in order, typed', async () => {
    const t = await open();
    expect(await t.sink.publish(['e1', 'e2', 'e3'].map((id) => paidEvent(id)))).toEqual({ duplicates: 0 });
    await expectThreeTypedInOrder(t.received, t.sink, 'rabbitmq');
    await t.close();
  });

  it('delivers a repeated batch again, under the same messageId (RabbitMQ does not drop repeats)', async () => {
    const t = await open();
    const raw = `${t.queue}-raw`;
    await admin.assertQueue(raw, { durable: true });
    await admin.bindQueue(raw, t.exchange, '#');
    const events = ['d1', 'd2', 'd3'].map((id) => paidEvent(id));
    expect(await t.sink.publish(events)).toEqual({ duplicates: 0 });
    expect(await t.sink.publish(events)).toEqual({ duplicates: 0 });
    await waitFor(() => t.received.length >= 6, { what: '6 deliveries' });
    expect(t.received.map((e) => e.id)).toEqual(['d1', 'd2', 'd3', 'd1', 'd2', 'd3']);

    const messages: GetMessage[] = [];
    for (let message = await admin.get(raw); message !== false; message = await admin.get(raw)) {
      messages.push(message);
      admin.ack(message);
    }
    expect(messages.map((m) => m.properties.messageId)).toEqual(['d1', 'd2', 'd3', 'd1', 'd2', 'd3']);
    expect(messages[0]?.fields.routingKey).toBe('payment.paid');
    expect(messages[0]?.properties).toMatchObject({
      contentType: 'application/json',
      type: 'payment.paid',
      deliveryMode: 2,
      timestamp: Date.parse('2025-03-04T05:06:07.000Z') / 1000,
      headers: { 'x-event-key': 'pay-O-d1' },
    });
    await t.close();
  });

  it('a handler that throws gets the event again (nack with requeue)', async () => {
    let failures = 0;
    const t = await open((event) => event.id === 'r2' && failures++ === 0);
    await expectRetriedOnce(t);
    await t.close();
  });

  it('acks and drops a message that is not a midtrans-kit event, and goes on with the next', async () => {
    const t = await open();
    admin.publish(t.exchange, 'payment.paid', Buffer.from('{"hello":1}'));
    await t.sink.publish([paidEvent('n1')]);
    await waitFor(() => t.received.length === 1, { what: 'the event after the bad message' });
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]).toBeInstanceOf(ValidationError);
    await waitFor(async () => (await admin.checkQueue(t.queue)).messageCount === 0, {
      what: 'an empty queue',
    });
    await t.close();
  });

  it('rejects a batch the channel closes on, without crashing, and reconnects for the next', async () => {
    const at = names();
    const sink = await createRabbitMqSink({ url: URL, exchange: at.exchange });
    await admin.deleteExchange(at.exchange);
    // Publishing to a missing exchange makes the broker close the channel before any confirm.
    await expect(sink.publish([paidEvent('c1')])).rejects.toThrow();
    // The next batch opens a new connection and channel, which declares the exchange again.
    expect(await sink.publish([paidEvent('c2')])).toEqual({ duplicates: 0 });
    await admin.checkExchange(at.exchange);
    await sink.close();
    await expect(sink.publish([paidEvent('c3')])).rejects.toThrow(/closed/);
  });
});
