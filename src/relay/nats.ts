/**
 * NATS JetStream: a sink that publishes each event under `<prefix>.<type>` with the event id as
 * `Nats-Msg-Id` (JetStream drops a repeat within the stream's duplicate window and says so in the
 * ack), and a durable pull consumer that hands the decoded, typed events to handlers.
 */
import type { JetStreamManager, JsMsg, NatsConnection } from 'nats';
import { AckPolicy, connect, DeliverPolicy, NatsError, nanos, StorageType } from 'nats';
import { type KitEvent, type KitEventHandlers, runHandler } from '../services/events/event-types.js';
import type { EventSink, PublishReport, RelayedEvent } from './event-sink.js';
import { decodeRelayedEvent, encodeRelayedEvent } from './relayed-event.js';

const DEFAULT_STREAM = 'MIDTRANS_EVENTS';
const DEFAULT_PREFIX = 'midtrans';
// Longer than a relay's retry pause, so a batch published again after a failed confirm is dropped.
const DEFAULT_DUPLICATE_WINDOW_MS = 2 * 60_000;
// JetStream API error code: the stream exists with another configuration (someone else made it).
const STREAM_NAME_IN_USE = 10058;
const encoder = new TextEncoder();

/** Options of {@link createNatsSink}: where to connect (or a connection to use) and the stream. */
export type NatsSinkOptions = {
  /** Stream name (default `MIDTRANS_EVENTS`); created when missing, left as it is when present. */
  stream?: string;
  /** Subject prefix (default `midtrans`): an event is published on `<prefix>.<type>`. */
  subjectPrefix?: string;
  /** Duplicate window of a stream this sink creates, in ms (default 2 minutes). */
  duplicateWindowMs?: number;
} & (
  | {
      /** NATS server URL(s) to connect to (without async stack traces); the sink owns that connection and closes it. */
      servers: string | string[];
      connection?: undefined;
    }
  | {
      /** A connection to use instead of connecting; `close()` leaves it open. */
      connection: NatsConnection;
      servers?: undefined;
    }
);

const isNotFound = (error: unknown): boolean => error instanceof NatsError && error.jsError()?.code === 404;

/** Create the stream when it is missing; a present stream is not changed (its owner configured it). */
async function ensureStream(jsm: JetStreamManager, name: string, prefix: string, windowMs: number) {
  try {
    await jsm.streams.info(name);
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    await jsm.streams.add({
      name,
      subjects: [`${prefix}.>`],
      storage: StorageType.File,
      duplicate_window: nanos(windowMs),
    });
  } catch (error) {
    // Created meanwhile by another process with another configuration: leave theirs.
    if (!(error instanceof NatsError && error.jsError()?.err_code === STREAM_NAME_IN_USE)) throw error;
  }
}

/** A sink publishing to NATS JetStream (`name` is `nats`); ensures the stream exists first. */
export async function createNatsSink(options: NatsSinkOptions): Promise<EventSink> {
  const { stream = DEFAULT_STREAM, subjectPrefix = DEFAULT_PREFIX } = options;
  const { duplicateWindowMs = DEFAULT_DUPLICATE_WINDOW_MS } = options;
  const owned = options.connection === undefined;
  // `noAsyncTraces`: without it every publish captures two stack traces (the request's and its
  // timeout error's), a fifth of a relay's CPU (bench/FIXES.md); a failed publish still rejects
  // with the same error, only without the caller's async frames. A connection given is left as is.
  const nc = options.connection ?? (await connect({ servers: options.servers, noAsyncTraces: true }));
  try {
    await ensureStream(await nc.jetstreamManager(), stream, subjectPrefix, duplicateWindowMs);
  } catch (error) {
    if (owned) await nc.close();
    throw error;
  }
  const js = nc.jetstream();
  return {
    name: 'nats',
    async publish(events: readonly RelayedEvent[]): Promise<PublishReport> {
      // `js.publish` writes the message before its first await, so starting them in order stores
      // them in order; only the acks are awaited together. `expect.streamName` makes a subject
      // captured by some other stream fail instead of being confirmed by the wrong one.
      const acks = await Promise.all(
        events.map((event) =>
          js.publish(`${subjectPrefix}.${event.type}`, encoder.encode(encodeRelayedEvent(event)), {
            msgID: event.id,
            expect: { streamName: stream },
          }),
        ),
      );
      return { duplicates: acks.filter((ack) => ack.duplicate).length };
    },
    async close() {
      if (owned) await nc.close();
    },
  };
}

/** Options of {@link consumeNatsEvents}. */
export interface NatsConsumerOptions {
  /** The connection to consume on (left open on `stop()`). */
  connection: NatsConnection;
  /** Stream name (default `MIDTRANS_EVENTS`); it must exist (a sink creates it). */
  stream?: string;
  /** Durable consumer name: consumers of one name share the work and resume where it stopped. */
  durable: string;
  /** Handlers by event type. */
  handlers: KitEventHandlers;
  /** Subject prefix the sink publishes under (default `midtrans`), for the consumer's filter. */
  subjectPrefix?: string;
  /** Delay before a message whose handler threw is delivered again, in ms (default 1000). */
  retryDelayMs?: number;
  /** Told about a handler's throw, a message that is not an event, or the subscription failing. */
  onError?: (error: unknown) => void;
}

/**
 * Consume the events with a durable pull consumer (created when missing, explicit ack), one
 * message at a time in stream order. A handler's success acks; a throw naks (delivered again after
 * `retryDelayMs`, with `event.attempt` counting deliveries); a message that is not a midtrans-kit
 * event is terminated, as no retry can make it one.
 */
export async function consumeNatsEvents(options: NatsConsumerOptions): Promise<{ stop(): Promise<void> }> {
  const { connection, stream = DEFAULT_STREAM, durable, handlers, onError } = options;
  const { subjectPrefix = DEFAULT_PREFIX, retryDelayMs = 1000 } = options;
  const jsm = await connection.jetstreamManager();
  try {
    await jsm.consumers.info(stream, durable);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${subjectPrefix}.>`,
    });
  }
  const consumer = await connection.jetstream().consumers.get(stream, durable);
  const messages = await consumer.consume();

  const handle = async (message: JsMsg) => {
    let event: KitEvent;
    try {
      event = decodeRelayedEvent(message.data);
    } catch (error) {
      // No reason text: servers before 2.10.4 ignore a `+TERM <reason>` and would redeliver it.
      message.term();
      return onError?.(error);
    }
    event.attempt = message.info.deliveryCount;
    await runHandler(handlers, event).then(
      () => message.ack(),
      (error: unknown) => {
        message.nak(retryDelayMs);
        onError?.(error);
      },
    );
  };
  // Serial on purpose: the handlers see the events in the order they were published. Each message
  // is settled before `onError` runs, so a throwing `onError` does not stop the loop.
  const done = (async () => {
    for await (const message of messages) await handle(message).catch(() => {});
  })().catch((error: unknown) => onError?.(error));

  return {
    async stop() {
      await messages.close();
      await done;
    },
  };
}
