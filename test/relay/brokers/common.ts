/** Shared pieces of the broker harnesses. */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { EventSink, RelayedEvent } from '../../../src/relay/event-sink.js';
import { eventKey } from '../../../src/relay/relayed-event.js';
import type { KitEvent, KitEventHandlers } from '../../../src/services/events/event-types.js';
import { waitFor } from '../../support/wait-for.js';
import type { ArrivedMessage } from '../broker.js';

/** Undefined when something listens on 127.0.0.1:`port`, else why not. */
export function probePort(port: number, what: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(`${what} at 127.0.0.1:${port} did not answer`);
    });
    socket.once('error', (error) => resolve(`${what} at 127.0.0.1:${port}: ${error.message}`));
  });
}

/** The suite's view of a message body written by a sink. */
export function arrivedFrom(body: string | Uint8Array): ArrivedMessage {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  const parsed: { id: string; key: string; payload: { seq: number } } = JSON.parse(text);
  return { id: parsed.id, key: parsed.key, seq: parsed.payload.seq };
}

/**
 * `describe` for tests that need a broker: run when `unreachable` is undefined; under CI one
 * failing test says why; elsewhere skipped with the reason in the title.
 */
export function describeWithBroker(
  broker: string,
  where: string,
  unreachable: string | undefined,
  title: string,
  body: () => void,
): void {
  if (unreachable === undefined) describe(title, body);
  else if (process.env.CI === 'true') {
    describe(title, () => {
      it(`${broker} is reachable`, () => {
        throw new Error(`${broker} at ${where} is unreachable under CI: ${unreachable}`);
      });
    });
  } else {
    console.warn(`[midtrans-kit tests] skipping "${title}": ${broker} unreachable (${unreachable})`);
    describe.skip(`${title} — skipped: ${broker} unreachable (${unreachable})`, body);
  }
}

/** A `payment.paid` event as a relay would publish it. */
export function paidEvent(id: string, orderId = `O-${id}`): RelayedEvent {
  const at = '2025-03-04T05:06:07.000Z';
  const payment = {
    id: `pay-${orderId}`,
    orderId,
    status: 'paid',
    grossAmount: 10_000,
    createdAt: at,
    updatedAt: at,
  };
  const payload = { payment, from: 'pending', source: 'notification' };
  return { id, type: 'payment.paid', occurredAt: at, key: eventKey('payment.paid', payload), payload };
}

/** What the consumer-helper tests check first on every broker: e1, e2, e3 arrived typed, in order. */
export async function expectThreeTypedInOrder(received: readonly KitEvent[], sink: EventSink, name: string) {
  await waitFor(() => received.length >= 3, { what: '3 events' });
  expect(received.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
  const [first] = received;
  const payment = first !== undefined && 'payment' in first ? first.payment : undefined;
  expect(payment?.createdAt).toBeInstanceOf(Date);
  expect(payment?.createdAt.toISOString()).toBe('2025-03-04T05:06:07.000Z');
  expect(first?.occurredAt).toBeInstanceOf(Date);
  expect(first).toMatchObject({ type: 'payment.paid', from: 'pending', source: 'notification', attempt: 1 });
  expect(sink.name).toBe(name);
}

/** Publish r1–r3 to a consumer whose handler fails once on r2: r2 comes again, attempt 2. */
export async function expectRetriedOnce(t: {
  sink: EventSink;
  received: readonly KitEvent[];
  errors: readonly unknown[];
}): Promise<void> {
  await t.sink.publish(['r1', 'r2', 'r3'].map((id) => paidEvent(id)));
  await waitFor(() => t.received.filter((e) => e.id === 'r2').length === 2 && t.received.length === 4, {
    what: 'the redelivery',
  });
  expect(t.received.filter((e) => e.id === 'r2').map((e) => e.attempt)).toEqual([1, 2]);
  expect(t.errors).toHaveLength(1);
}

/** Undefined when `check` succeeds, else its error's message (the reason a broker is unusable). */
export async function unreachableReason(check: () => Promise<void>): Promise<string | undefined> {
  try {
    await check();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Handlers that record every `payment.paid` and throw when `fail` says so. */
export function recordingHandlers(
  received: KitEvent<'payment.paid'>[],
  fail: (event: KitEvent<'payment.paid'>) => boolean,
): KitEventHandlers {
  return {
    'payment.paid': (event) => {
      received.push(event);
      if (fail(event)) throw new Error(`handler failed on ${event.id}`);
    },
  };
}
