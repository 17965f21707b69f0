/**
 * `midtrans-kit/relay`: relays of the kit's events to a message broker. The sinks live in their
 * own subpaths (`midtrans-kit/relay/nats`, `/relay/rabbitmq`, `/relay/bullmq`), each needing its
 * broker's client as an optional peer dependency; this entry imports none of them.
 */
export type { EventSink, PublishReport, RelayedEvent } from './event-sink.js';
export { type Relay, type RelayOptions, type RelayStats, startRelay, toRelayedEvent } from './relay.js';
export { decodeRelayedEvent, encodeRelayedEvent, eventKey, relayablePayload } from './relayed-event.js';
