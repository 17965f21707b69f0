/**
 * Subscription charge order ids and recurring notification times as Midtrans documents them
 * (issue 19, item 4.5).
 *
 * - docs.midtrans.com/reference/create-subscription, `name`: "Generated order ID will contain
 *   subscription name and 10 digits of unique number".
 * - docs.midtrans.com/changelog/august-15th-subscription-api-improvements: a charge's notification
 *   is filed under "SUBS-" + the charge's order id (before: "[GRIFFIN]-[random UUID]"); the kit
 *   attributes charges by subscription id and transaction id, never by the order id's form
 *   (test/services/subscription-attribution.test.ts), so both forms are fine for it.
 * - docs.midtrans.com/reference/http-notification (recurring samples): schedule times like
 *   `2022-11-26T09:59:00.000000Z` (UTC, microseconds).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import {
  type Answer,
  call,
  cardToken,
  chargeBody,
  type Receiver,
  startReceiver,
  startTestSimulator,
} from './harness.js';

const HOUR = 3_600_000;
let sim: Simulator;
let receiver: Receiver;
const api = (method: string, path: string, body?: unknown): Promise<Answer> =>
  call(sim.apiUrl, method, path, body);

beforeEach(async () => {
  receiver = await startReceiver();
  sim = await startTestSimulator({
    notificationUrl: receiver.url,
    recurringNotificationUrl: `${receiver.url}/rec`,
  });
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

describe('subscription charges', () => {
  it('order id = name + 10 digits (fits 50 with a 40-character name); logged as SUBS-<order id>', async () => {
    const token = await cardToken(sim, '4811111111111114');
    const saved = await api(
      'POST',
      '/v2/charge',
      chargeBody('SUB-SAVE', 10000, {
        payment_type: 'credit_card',
        credit_card: { token_id: token, save_token_id: true },
      }),
    );
    const name = 'N'.repeat(40);
    const created = await api('POST', '/v1/subscriptions', {
      name,
      amount: '5000',
      currency: 'IDR',
      payment_type: 'credit_card',
      token: String(saved.body.saved_token_id),
      schedule: {
        interval: 1,
        interval_unit: 'day',
        max_interval: 2,
        start_time: '2025-01-16 10:00:00 +0700',
      },
    });
    expect(created.status).toBe(200);
    sim.controls.advanceClock(48 * HOUR);
    const charges = sim.controls.transactions().filter((txn) => txn.orderId.startsWith(name));
    expect(charges).toHaveLength(2);
    for (const charge of charges) {
      expect(charge.orderId).toMatch(new RegExp(`^${name}\\d{10}$`));
      expect(charge.orderId.length).toBe(50);
    }
    expect(new Set(charges.map((charge) => charge.orderId)).size).toBe(2);
    await sim.controls.idle();
    for (const charge of charges) {
      const logged = sim.controls.deliveries(`SUBS-${charge.orderId}`);
      expect(logged.map((entry) => entry.kind)).toEqual(['recurring']);
    }
    const events = receiver.received.filter((entry) => entry.body.event_name === 'subscription.charge');
    expect(events).toHaveLength(2);
    for (const event of events) {
      const schedule = (event.body.subscription as { schedule: Record<string, unknown> }).schedule;
      expect(String(schedule.start_time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    }
  });
});
