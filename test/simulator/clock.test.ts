/** Clock-driven expiry (custom_expiry and per-type defaults) and subscription billing over time. */
import { afterEach, describe, expect, it } from 'vitest';
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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let sim: Simulator;
let receiver: Receiver | undefined;
const api = (method: string, path: string, body?: unknown): Promise<Answer> =>
  call(sim.apiUrl, method, path, body);
const statusOf = async (id: string): Promise<unknown> =>
  (await api('GET', `/v2/${id}/status`)).body.transaction_status;

afterEach(async () => {
  await sim.close();
  await receiver?.close();
  receiver = undefined;
});

describe('expiry by the simulator clock', () => {
  const defaults: [string, Record<string, unknown>, number][] = [
    ['bank transfer', { payment_type: 'bank_transfer', bank_transfer: { bank: 'bni' } }, 24 * HOUR],
    ['permata', { payment_type: 'bank_transfer', bank_transfer: { bank: 'permata' } }, 24 * HOUR],
    ['echannel', { payment_type: 'echannel', echannel: { bill_info1: 'a', bill_info2: 'b' } }, 24 * HOUR],
    ['cstore', { payment_type: 'cstore', cstore: { store: 'alfamart' } }, 24 * HOUR],
    ['gopay', { payment_type: 'gopay' }, 15 * MINUTE],
    ['qris', { payment_type: 'qris' }, 15 * MINUTE],
    ['shopeepay', { payment_type: 'shopeepay', shopeepay: {} }, 15 * MINUTE],
    [
      'akulaku',
      {
        payment_type: 'akulaku',
        item_details: [{ id: 'a', price: 10000, quantity: 1, name: 'a' }],
        customer_details: {},
      },
      2 * HOUR,
    ],
  ];
  it.each(defaults)('%s expires after its default window', async (_name, extra, window) => {
    receiver = await startReceiver();
    sim = await startTestSimulator({ notificationUrl: receiver.url });
    await api('POST', '/v2/charge', chargeBody('EXP', 10000, extra));
    sim.controls.advanceClock(window - 1000);
    expect(await statusOf('EXP')).toBe('pending');
    sim.controls.advanceClock(1000);
    const status = await api('GET', '/v2/EXP/status');
    expect(status.body).toMatchObject({ transaction_status: 'expire', status_code: '407' });
    await sim.controls.idle();
    const last = receiver.received.at(-1)?.body;
    expect(last).toMatchObject({ transaction_status: 'expire', status_code: '202' });
  });

  it('card 3DS expires after 10 minutes; an uncaptured authorization is cancelled after 8 days', async () => {
    sim = await startTestSimulator();
    const threeDs = { token_id: await cardToken(sim, '4811111111111114'), authentication: true };
    await api(
      'POST',
      '/v2/charge',
      chargeBody('C3', 10000, { payment_type: 'credit_card', credit_card: threeDs }),
    );
    const auth = { token_id: await cardToken(sim, '4811111111111114'), type: 'authorize' };
    await api(
      'POST',
      '/v2/charge',
      chargeBody('CA', 10000, { payment_type: 'credit_card', credit_card: auth }),
    );
    sim.controls.advanceClock(10 * MINUTE);
    expect(await statusOf('C3')).toBe('expire');
    expect(await statusOf('CA')).toBe('authorize');
    sim.controls.advanceClock(8 * 24 * HOUR);
    expect(await statusOf('CA')).toBe('cancel');
  });

  it('custom_expiry (order_time + duration) wins over the default', async () => {
    sim = await startTestSimulator();
    await api('POST', '/v2/charge', {
      ...chargeBody('CE', 10000, { payment_type: 'bank_transfer', bank_transfer: { bank: 'bca' } }),
      custom_expiry: { order_time: '2025-01-15 10:30:00 +0700', expiry_duration: 60, unit: 'minute' },
    });
    expect((await api('GET', '/v2/CE/status')).body.expiry_time).toBe('2025-01-15 11:30:00');
    sim.controls.setNow('2025-01-15T04:29:59Z');
    expect(await statusOf('CE')).toBe('pending');
    sim.controls.setNow('2025-01-15T04:30:00Z');
    expect(await statusOf('CE')).toBe('expire');
  });

  it('a time-source clock: moving the source expires on the next request, with no control call', async () => {
    let now = Date.parse('2025-01-15T03:00:00Z');
    sim = await startTestSimulator({ now: () => new Date(now) });
    await api('POST', '/v2/charge', chargeBody('TS', 10000, { payment_type: 'gopay' }));
    now += 15 * MINUTE;
    expect(await statusOf('TS')).toBe('expire');
  });
});

describe('subscription billing over advanced time', () => {
  async function savedToken(): Promise<string> {
    const token = await cardToken(sim, '4811111111111114');
    const charged = await api(
      'POST',
      '/v2/charge',
      chargeBody(`SV-${Math.random().toString(36).slice(2)}`, 10000, {
        payment_type: 'credit_card',
        credit_card: { token_id: token, save_token_id: true },
      }),
    );
    return String(charged.body.saved_token_id);
  }
  const create = async (body: Record<string, unknown>): Promise<string> => {
    const answer = await api('POST', '/v1/subscriptions', {
      name: 'PLAN',
      amount: '5000',
      currency: 'IDR',
      payment_type: 'credit_card',
      token: await savedToken(),
      schedule: {
        interval: 1,
        interval_unit: 'day',
        max_interval: 3,
        start_time: '2025-01-16 10:00:00 +0700',
      },
      ...body,
    });
    expect(answer.status).toBe(200);
    return String(answer.body.id);
  };
  const get = async (id: string): Promise<Record<string, unknown>> =>
    (await api('GET', `/v1/subscriptions/${id}`)).body;

  it('charges at each billing time, grows transaction_ids, stops at max_interval', async () => {
    receiver = await startReceiver();
    sim = await startTestSimulator({ notificationUrl: receiver.url });
    const id = await create({});
    sim.controls.advanceClock(24 * HOUR - 1);
    expect((await get(id)).transaction_ids).toEqual([]);
    sim.controls.advanceClock(1);
    let sub = await get(id);
    expect(sub.transaction_ids).toHaveLength(1);
    expect(sub.schedule).toMatchObject({
      current_interval: 1,
      previous_execution_at: '2025-01-16T10:00:00.000000',
      next_execution_at: '2025-01-17T10:00:00.000000',
    });
    const first = (sub.transaction_ids as string[])[0] ?? '';
    expect((await api('GET', `/v2/${first}/status`)).body).toMatchObject({
      transaction_status: 'capture',
      gross_amount: '5000.00',
    });
    sim.controls.advanceClock(10 * 24 * HOUR);
    sub = await get(id);
    expect(sub.transaction_ids).toHaveLength(3);
    expect(sub.status).toBe('inactive');
    await sim.controls.idle();
    const events = receiver.received.filter((entry) => entry.body.event_name === 'subscription.charge');
    expect(
      events.map(
        (entry) =>
          (entry.body.subscription as { schedule: { current_interval: number } }).schedule.current_interval,
      ),
    ).toEqual([1, 2, 3]);
  });

  it('retries a failed charge on the retry schedule, then gives up and turns inactive', async () => {
    sim = await startTestSimulator();
    const id = await create({
      retry_schedule: { interval: 2, interval_unit: 'hour', max_interval: 2 },
      schedule: { interval: 1, interval_unit: 'day', start_time: '2025-01-16 10:00:00 +0700' },
    });
    sim.controls.failNextSubscriptionCharges(id, 2);
    sim.controls.advanceClock(24 * HOUR + 2 * HOUR);
    expect((await get(id)).transaction_ids).toEqual([]);
    sim.controls.advanceClock(2 * HOUR);
    let sub = await get(id);
    // Two failed attempts, the second retry succeeded; the next run counts from the billing time.
    expect(sub.transaction_ids).toHaveLength(1);
    expect((sub.schedule as Record<string, unknown>).next_execution_at).toBe('2025-01-17T10:00:00.000000');
    sim.controls.failNextSubscriptionCharges(id, 3);
    sim.controls.advanceClock(24 * HOUR);
    sub = await get(id);
    expect(sub.status).toBe('inactive');
    expect(sub.transaction_ids).toHaveLength(1);
  });

  it('disable stops billing, enable resumes from the next future time, update changes the interval', async () => {
    sim = await startTestSimulator();
    const id = await create({
      schedule: { interval: 1, interval_unit: 'day', start_time: '2025-01-16 10:00:00 +0700' },
    });
    await api('POST', `/v1/subscriptions/${id}/disable`);
    sim.controls.advanceClock(3 * 24 * HOUR);
    expect((await get(id)).transaction_ids).toEqual([]);
    await api('POST', `/v1/subscriptions/${id}/enable`);
    let sub = await get(id);
    expect(sub.status).toBe('active');
    expect((sub.schedule as Record<string, unknown>).next_execution_at).toBe('2025-01-19T10:00:00.000000');
    expect((await api('PATCH', `/v1/subscriptions/${id}`, { schedule: { interval: 2 } })).body).toEqual({
      status_message: 'Subscription is updated.',
    });
    sim.controls.advanceClock(24 * HOUR);
    sub = await get(id);
    expect((sub.schedule as Record<string, unknown>).next_execution_at).toBe('2025-01-21T10:00:00.000000');
    const refused = await api('PATCH', `/v1/subscriptions/${id}`, { schedule: { interval_unit: 'month' } });
    expect(refused.status).toBe(400);
    await api('POST', `/v1/subscriptions/${id}/cancel`);
    expect((await get(id)).status).toBe('inactive');
  });
});
