/**
 * What a relay publishes to: one small interface each broker implements (NATS JetStream, RabbitMQ,
 * BullMQ). A relay is a durable event consumer whose handler is `sink.publish`: rows are claimed
 * from the outbox, published, and marked delivered only after `publish` resolved, so a crash in
 * between publishes again and the broker drops (or flags) the repeat by the event id.
 */
import type { KitEventType } from '../services/events/event-types.js';
import type { JsonObject } from '../wire-types.js';

/** An event as it travels through a broker: the outbox row, in JSON. */
export interface RelayedEvent {
  /** The event id: stable, unique, the broker's de-duplication key. */
  id: string;
  /** Event type, e.g. `payment.paid`. */
  type: KitEventType;
  /** When the change was committed (ISO 8601). */
  occurredAt: string;
  /** Id of the record the event is about (payment, invoice, subscription or notification): the order key. */
  key: string;
  /** The event's payload, as stored (dates are ISO text). */
  payload: JsonObject;
}

/** What one `publish` call saw. */
export interface PublishReport {
  /** Events the broker said it already had (dropped as repeats); 0 where a broker cannot tell. */
  duplicates: number;
}

/** A broker the relay publishes to. */
export interface EventSink {
  /** Short name of the broker (`nats`, `rabbitmq`, `bullmq`), used in the relay's consumer name. */
  readonly name: string;
  /**
   * Publish `events` in the given order and resolve once the broker confirmed every one of them.
   * Reject when any was not confirmed: the relay then treats the whole batch as unpublished and
   * publishes it again later (the broker drops or flags the repeats by id).
   */
  publish(events: readonly RelayedEvent[]): Promise<PublishReport>;
  /** Close the sink's connection. */
  close(): Promise<void>;
}
