/**
 * A relay: a durable consumer (named `relay:<sink>` unless told otherwise) whose handler publishes
 * each claimed batch to a broker through an `EventSink`. Rows are marked delivered only after the
 * sink resolved, i.e. after the broker confirmed; a crash or a broker outage leaves them in the
 * outbox, and the next claim publishes them again under the same ids.
 */
import type { KitEventsApi } from '../kit.js';
import type { KitEventType } from '../services/events/event-types.js';
import type { DispatchResult, EventBusOptions } from '../services/events/events.js';
import type { ClaimedEvent } from '../storage/records/event-delivery.js';
import type { EventSink, RelayedEvent } from './event-sink.js';
import { eventKey, relayablePayload } from './relayed-event.js';

/** Options of `startRelay`: the consumer name and its delivery tuning. */
export interface RelayOptions extends EventBusOptions {
  /** Consumer name (default `relay:<sink.name>`); relays of one name share the work. */
  name?: string;
}

/** Counts of one relay process. */
export interface RelayStats {
  /** Events the broker confirmed (repeats included). */
  published: number;
  /** Of those, events the broker reported it already had. */
  duplicates: number;
  /** Batches that failed (left pending, published again later). */
  failedBatches: number;
}

/** A running relay. */
export interface Relay {
  /** Its consumer name. */
  readonly name: string;
  /** What it has done so far. */
  readonly stats: Readonly<RelayStats>;
  /** Publish everything due now; resolves after the broker confirmed it. */
  deliverPending(): Promise<DispatchResult>;
  /** Stop relaying (waits for a batch in flight). The sink stays open: close it yourself. */
  stop(): Promise<void>;
}

/** The event as the broker carries it. */
export function toRelayedEvent(claimed: ClaimedEvent): RelayedEvent {
  const { event } = claimed;
  const type = event.type as KitEventType;
  return {
    id: event.eventId,
    type,
    occurredAt: event.createdAt.toISOString(),
    key: eventKey(type, event.payload),
    payload: relayablePayload(event.payload),
  };
}

/** Start relaying the kit's events to `sink`. */
export function startRelay(
  kit: { readonly events: Pick<KitEventsApi, 'consumeBatches'> },
  sink: EventSink,
  options: RelayOptions = {},
): Relay {
  const { name = `relay:${sink.name}`, ...tuning } = options;
  const stats: RelayStats = { published: 0, duplicates: 0, failedBatches: 0 };
  const consumer = kit.events.consumeBatches(
    name,
    async (claimed) => {
      try {
        const report = await sink.publish(claimed.map(toRelayedEvent));
        stats.published += claimed.length;
        stats.duplicates += report.duplicates;
      } catch (error) {
        stats.failedBatches += 1;
        throw error;
      }
    },
    tuning,
  );
  return { name, stats, deliverPending: () => consumer.deliverPending(), stop: () => consumer.stop() };
}
