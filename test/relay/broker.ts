/** What the shared sink suite needs of one broker: a sink with names of its own, and what arrived. */
import type { EventSink } from '../../src/relay/event-sink.js';

/** One message as the broker holds or delivered it (repeats included). */
export interface ArrivedMessage {
  id: string;
  key: string;
  /** The `seq` field the suite puts in every payload. */
  seq: number;
}

/** A sink and the broker-side view of one test's messages. */
export interface OpenedSink {
  sink: EventSink;
  /** Every message the broker accepted for this test, in the broker's order. */
  arrived(): Promise<ArrivedMessage[]>;
  /** Delete the test's streams, queues, exchanges; close connections. */
  dispose(): Promise<void>;
}

/** A broker under test. */
export interface BrokerUnderTest {
  readonly name: 'nats' | 'rabbitmq' | 'bullmq';
  /** Where the real server listens. */
  readonly target: { host: string; port: number };
  /** Whether a re-published id is dropped by the broker (else it arrives again, same id). */
  readonly dropsRepeats: boolean;
  /** Why the server cannot be used, or undefined. */
  unreachable(): Promise<string | undefined>;
  /** The side that reads (created first, so nothing published is missed); names unique to `suffix`. */
  openReader(suffix: string): Promise<Pick<OpenedSink, 'arrived' | 'dispose'>>;
  /** A sink connecting to `port` on 127.0.0.1 (a proxy in front of the server), names unique to `suffix`. */
  openSink(port: number, suffix: string): Promise<EventSink>;
}
