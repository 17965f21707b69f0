/**
 * RabbitMQ: a sink that publishes each event to a durable topic exchange (routing key = event
 * type) on a confirm channel, and a consumer that hands the decoded, typed events to handlers.
 * RabbitMQ does not drop repeats: a batch published again after a lost confirm arrives twice under
 * the same `messageId` (the event id), and consumers deduplicate on `event.id`.
 */
import { type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage, connect } from 'amqplib';
import { type KitEvent, type KitEventHandlers, runHandler } from '../services/events/event-types.js';
import type { EventSink, PublishReport, RelayedEvent } from './event-sink.js';
import { decodeRelayedEvent, encodeRelayedEvent } from './relayed-event.js';

const DEFAULT_EXCHANGE = 'midtrans.events';

/** Options of {@link createRabbitMqSink}. */
export interface RabbitMqSinkOptions {
  /** AMQP URL, e.g. `amqp://user:pass@host:5672/vhost` (add `?heartbeat=10` to notice a dead peer sooner). */
  url: string;
  /** Exchange to publish to (default `midtrans.events`); asserted as a durable topic exchange. */
  exchange?: string;
}

interface Link {
  model: ChannelModel;
  channel: ConfirmChannel;
}

/**
 * Connect, open a confirm channel and assert the exchange. `onLost` runs once when the connection
 * or the channel errors or closes: amqplib emits `error` on them (which would crash the process
 * without a listener) and a closed channel confirms nothing more, so the link is dropped and its
 * connection closed; the next publish opens a new one.
 */
async function openLink(url: string, exchange: string, onLost: () => void): Promise<Link> {
  const model = await connect(url);
  let lost = false;
  const lose = () => {
    if (lost) return;
    lost = true;
    onLost();
    model.close().catch(() => {}); // Already closed when the connection itself went away.
  };
  model.on('error', lose);
  model.on('close', lose);
  try {
    const channel = await model.createConfirmChannel();
    channel.on('error', lose);
    channel.on('close', lose);
    await channel.assertExchange(exchange, 'topic', { durable: true });
    return { model, channel };
  } catch (error) {
    lose();
    throw error;
  }
}

/** A sink publishing to a RabbitMQ topic exchange (`name` is `rabbitmq`); `duplicates` is always 0. */
export async function createRabbitMqSink(options: RabbitMqSinkOptions): Promise<EventSink> {
  const { url, exchange = DEFAULT_EXCHANGE } = options;
  let link: Promise<Link> | undefined;
  let closed = false;
  const open = (): Promise<Link> => {
    const forget = () => {
      if (link === opening) link = undefined;
    };
    const opening = openLink(url, exchange, forget);
    opening.catch(forget); // A failed connect is retried by the next publish, not remembered.
    link = opening;
    return opening;
  };
  // Connect now, so a wrong URL or a missing broker shows at start-up.
  await open();
  return {
    name: 'rabbitmq',
    async publish(events: readonly RelayedEvent[]): Promise<PublishReport> {
      if (closed) throw new Error('The RabbitMQ sink is closed');
      const { channel } = await (link ?? open());
      for (const event of events) {
        // A closed channel throws here; one that closes later fails `waitForConfirms` below.
        channel.publish(exchange, event.type, Buffer.from(encodeRelayedEvent(event)), {
          persistent: true,
          messageId: event.id,
          contentType: 'application/json',
          type: event.type,
          timestamp: Math.floor(Date.parse(event.occurredAt) / 1000), // AMQP timestamps are seconds.
          headers: { 'x-event-key': event.key },
        });
      }
      // Rejects when the broker nacks any of them or the channel closes before confirming all.
      await channel.waitForConfirms();
      return { duplicates: 0 };
    },
    async close() {
      closed = true;
      const current = await link?.catch(() => undefined);
      link = undefined;
      // Rejects only when the connection is already gone, which is what close wants anyway.
      await current?.model.close().catch(() => {});
    },
  };
}

/** Options of {@link consumeRabbitMqEvents}. */
export interface RabbitMqConsumerOptions {
  /** The channel to consume on (left open on `stop()`; give it an `error` listener). */
  channel: Channel;
  /** Queue name; asserted durable and bound to the exchange. */
  queue: string;
  /** Exchange the sink publishes to (default `midtrans.events`); asserted like the sink does. */
  exchange?: string;
  /** Routing-key patterns to bind (default `['#']`, every event); e.g. `['payment.*']`. */
  bindings?: string[];
  /** Handlers by event type. */
  handlers: KitEventHandlers;
  /** The channel's prefetch (unacknowledged messages in flight); unset leaves the channel's. */
  prefetch?: number;
  /** Told about a handler's throw, a message that is not an event, or a failed ack. */
  onError?: (error: unknown) => void;
}

/** `event.attempt`: quorum queues count deliveries; classic queues only flag a redelivery. */
function attemptOf(message: ConsumeMessage): number {
  const count: unknown = message.properties.headers?.['x-delivery-count'];
  if (typeof count === 'number') return count + 1;
  return message.fields.redelivered ? 2 : 1;
}

/**
 * Consume the events from a durable queue with manual acks, one message at a time in delivery
 * order. A handler's success acks; a throw nacks with requeue (delivered again at once); a message
 * that is not a midtrans-kit event is acked and dropped, as no retry can make it one.
 */
export async function consumeRabbitMqEvents(
  options: RabbitMqConsumerOptions,
): Promise<{ stop(): Promise<void> }> {
  const { channel, queue, exchange = DEFAULT_EXCHANGE, bindings = ['#'], handlers, onError } = options;
  await channel.assertExchange(exchange, 'topic', { durable: true });
  await channel.assertQueue(queue, { durable: true });
  for (const pattern of bindings) await channel.bindQueue(queue, exchange, pattern);
  if (options.prefetch !== undefined) await channel.prefetch(options.prefetch);

  // A closed channel throws on ack: the broker then redelivers the message, so report and go on.
  const settle = (settleMessage: () => void) => {
    try {
      settleMessage();
    } catch (error) {
      onError?.(error);
    }
  };
  const handle = async (message: ConsumeMessage) => {
    let event: KitEvent;
    try {
      event = decodeRelayedEvent(message.content);
    } catch (error) {
      settle(() => channel.ack(message));
      return onError?.(error);
    }
    event.attempt = attemptOf(message);
    await runHandler(handlers, event).then(
      () => settle(() => channel.ack(message)),
      (error: unknown) => {
        settle(() => channel.nack(message, false, true));
        onError?.(error);
      },
    );
  };
  // Chained so the handlers see the events in delivery order even with a prefetch above 1.
  let chain = Promise.resolve();
  const { consumerTag } = await channel.consume(
    queue,
    (message) => {
      // null: the broker cancelled the consumer (queue deleted); nothing more will come.
      // Settled before `onError` runs, so even a throwing `onError` only ends its own link.
      if (message !== null) chain = chain.then(() => handle(message)).catch(() => {});
    },
    { noAck: false },
  );
  return {
    async stop() {
      await channel.cancel(consumerTag).catch((error: unknown) => onError?.(error));
      await chain;
    },
  };
}
