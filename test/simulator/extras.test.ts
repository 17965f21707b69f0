/** Smaller behaviours: GoPay subscriptions via a linked account, idempotency in progress, waits. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { call, chargeBody, type Receiver, startReceiver, startTestSimulator } from './harness.js';

let sim: Simulator;
let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
  sim = await startTestSimulator({ notificationUrl: `${receiver.url}/n` });
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

describe('extras', () => {
  it('GoPay subscription: linked account token charges a settlement; unlinked token fails with 411', async () => {
    const account = await call(sim.apiUrl, 'POST', '/v2/pay/account', {
      payment_type: 'gopay',
      gopay_partner: { phone_number: '81234567890', country_code: '62' },
    });
    const accountId = String(account.body.account_id);
    const pending = await call(sim.apiUrl, 'GET', `/v2/pay/account/${accountId}`);
    expect(pending.body.account_status).toBe('PENDING');
    const link = (account.body.actions as { url: string }[])[0]?.url ?? '';
    // Opening the link shows the GoPay page; only pressing "Link" enables the account.
    expect(await (await fetch(link)).text()).toContain('Link</button>');
    expect((await call(sim.apiUrl, 'GET', `/v2/pay/account/${accountId}`)).body.account_status).toBe(
      'PENDING',
    );
    await fetch(link, { method: 'POST', redirect: 'manual' });
    const enabled = await call(sim.apiUrl, 'GET', `/v2/pay/account/${accountId}`);
    const token = (enabled.body.metadata as { payment_options: { token: string }[] }).payment_options[0]
      ?.token;
    const body = {
      name: 'GOPAY_PLAN',
      amount: '20000',
      currency: 'IDR',
      payment_type: 'gopay',
      token,
      schedule: { interval: 1, interval_unit: 'week' },
      gopay: { account_id: accountId },
    };
    const sub = await call(sim.apiUrl, 'POST', '/v1/subscriptions', body);
    sim.controls.advanceClock(7 * 86_400_000);
    const got = await call(sim.apiUrl, 'GET', `/v1/subscriptions/${String(sub.body.id)}`);
    const [transactionId] = got.body.transaction_ids as string[];
    const status = await call(sim.apiUrl, 'GET', `/v2/${transactionId}/status`);
    expect(status.body).toMatchObject({ payment_type: 'gopay', transaction_status: 'settlement' });

    await call(sim.apiUrl, 'POST', `/v2/pay/account/${accountId}/unbind`);
    sim.controls.advanceClock(7 * 86_400_000);
    await sim.controls.idle();
    const last = receiver.received.filter((entry) => entry.body.event_name === 'subscription.charge').at(-1);
    expect(last?.body.transaction).toEqual({
      status_message: 'Token id is missing, invalid, or timed out',
      status_code: '411',
    });
    expect(last?.body.subscription).toMatchObject({ status: 'inactive' });
  });

  it('a repeat of an idempotent request still in progress gets body 202', async () => {
    sim.controls.fault({ path: '/v2/charge', kind: 'hang', ms: 200 });
    const headers = { 'Idempotency-Key': 'slow-1' };
    const first = call(
      sim.apiUrl,
      'POST',
      '/v2/charge',
      chargeBody('IP-1', 1000, { payment_type: 'gopay' }),
      { headers },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await call(
      sim.apiUrl,
      'POST',
      '/v2/charge',
      chargeBody('IP-1', 1000, { payment_type: 'gopay' }),
      {
        headers,
      },
    );
    expect(second.body.status_code).toBe('202');
    const done = await first;
    expect(done.body.status_code).toBe('201');
    const third = await call(
      sim.apiUrl,
      'POST',
      '/v2/charge',
      chargeBody('IP-1', 1000, { payment_type: 'gopay' }),
      { headers },
    );
    expect(third.body).toEqual(done.body);
  });

  it('waitForDeliveries({count}) resolves with the log once that many are final', async () => {
    receiver.respond = (index) => (index === 0 ? 500 : 200);
    await call(sim.apiUrl, 'POST', '/v2/charge', chargeBody('W-1', 1000, { payment_type: 'gopay' }));
    sim.controls.pay('W-1');
    const log = await sim.controls.waitForDeliveries({ count: 2 });
    const final = log.filter((entry) => entry.outcome === 'delivered');
    expect(final.map((entry) => entry.payload.transaction_status).sort()).toEqual(['pending', 'settlement']);
    expect(log.some((entry) => entry.outcome === 'retry-scheduled' && entry.status === 500)).toBe(true);
  });

  it('reset forgets transactions, faults and the delivery log', async () => {
    await call(sim.apiUrl, 'POST', '/v2/charge', chargeBody('R-1', 1000, { payment_type: 'gopay' }));
    await sim.controls.idle();
    sim.controls.fault({ path: '**', kind: 'status', times: 10 });
    sim.controls.reset();
    expect(sim.controls.transactions()).toEqual([]);
    expect(sim.controls.deliveries()).toEqual([]);
    expect((await call(sim.apiUrl, 'GET', '/v2/R-1/status')).status).toBe(404);
  });
});
