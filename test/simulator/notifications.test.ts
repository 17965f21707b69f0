/** Notification delivery: Midtrans's retry rules, headers, override/append URLs, signatures. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyNotification } from '../../src/domain/signature.js';
import type { Simulator } from '../../src/simulator/index.js';
import { waitFor } from '../support/wait-for.js';
import { call, chargeBody, type Receiver, SERVER_KEY, startReceiver, startTestSimulator } from './harness.js';

let sim: Simulator;
let receiver: Receiver;

beforeEach(async () => {
  receiver = await startReceiver();
  sim = await startTestSimulator({ notificationUrl: `${receiver.url}/main` });
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

/** Charge a VA (pending notification) and return its order id. */
async function charge(orderId: string, headers: Record<string, string> = {}): Promise<string> {
  const answer = await call(
    sim.apiUrl,
    'POST',
    '/v2/charge',
    chargeBody(orderId, 10000, { payment_type: 'bank_transfer', bank_transfer: { bank: 'bca' } }),
    { headers },
  );
  expect(answer.status).toBe(200);
  return orderId;
}

const attemptsOf = async (orderId: string): Promise<number[]> => {
  await sim.controls.idle();
  return sim.controls.deliveries(orderId).map((entry) => entry.status ?? 0);
};

describe('retries per reply (midtrans-wire.md §6.2)', () => {
  it('500 then 200: one retry, delivered', async () => {
    receiver.respond = (index) => (index === 0 ? 500 : 200);
    expect(await attemptsOf(await charge('N-500'))).toEqual([500, 200]);
    const log = sim.controls.deliveries('N-500');
    expect(log.map((entry) => [entry.attempt, entry.outcome])).toEqual([
      [1, 'retry-scheduled'],
      [2, 'delivered'],
    ]);
  });

  it('500 always: retried once only', async () => {
    receiver.respond = () => 500;
    expect(await attemptsOf(await charge('N-500X'))).toEqual([500, 500]);
    expect(sim.controls.deliveries('N-500X').at(-1)?.outcome).toBe('gave-up');
  });

  it('503 four times then 200: delivered on the fifth attempt; 503 always stops after 4 retries', async () => {
    receiver.respond = (index, path) => (path === '/main' && index < 4 ? 503 : 200);
    expect(await attemptsOf(await charge('N-503'))).toEqual([503, 503, 503, 503, 200]);
    receiver.respond = () => 503;
    expect(await attemptsOf(await charge('N-503X'))).toEqual([503, 503, 503, 503, 503]);
  });

  it('404: two retries; 301: none; 418: five', async () => {
    receiver.respond = () => 404;
    expect(await attemptsOf(await charge('N-404'))).toEqual([404, 404, 404]);
    receiver.respond = () => ({ status: 301, location: '/elsewhere' });
    expect(await attemptsOf(await charge('N-301'))).toEqual([301]);
    receiver.respond = () => 418;
    expect(await attemptsOf(await charge('N-418'))).toHaveLength(6);
  });

  it('307 is followed with the same body', async () => {
    receiver.respond = (_index, path) => (path === '/main' ? { status: 307, location: '/moved' } : 200);
    await charge('N-307');
    expect(await attemptsOf('N-307')).toEqual([200]);
    const moved = receiver.received.filter((entry) => entry.path === '/moved');
    expect(moved).toHaveLength(1);
    expect(moved[0]?.body.order_id).toBe('N-307');
  });

  it('a timeout counts as a failure and is retried', async () => {
    await sim.close();
    sim = await startTestSimulator({
      notificationUrl: `${receiver.url}/main`,
      notificationRetry: { timeScale: 0.0001, jitter: 0, timeoutMs: 100 },
    });
    receiver.respond = (index) => (index === 0 ? 'hang' : 200);
    await charge('N-TO');
    await sim.controls.idle();
    const log = sim.controls.deliveries('N-TO');
    expect(log[0]?.error).toMatch(/timeout/);
    expect(log.map((entry) => entry.outcome)).toEqual(['retry-scheduled', 'delivered']);
  });

  it('retries also fire when the simulator clock passes their due time (real timers unscaled)', async () => {
    await sim.close();
    sim = await startTestSimulator({
      notificationUrl: `${receiver.url}/main`,
      notificationRetry: { jitter: 0 },
    });
    receiver.respond = (index) => (index === 0 ? 500 : 200);
    await charge('N-CLK');
    const first = () => sim.controls.deliveries('N-CLK')[0]?.outcome === 'retry-scheduled';
    await waitFor(first, { what: 'the first attempt to be answered and its retry scheduled' });
    expect(sim.controls.deliveries('N-CLK')).toHaveLength(1);
    sim.controls.advanceClock(2 * 60_000);
    expect(await attemptsOf('N-CLK')).toEqual([500, 200]);
  });
});

describe('what is sent, and where', () => {
  it('headers, signature and status codes per state', async () => {
    await charge('N-H');
    sim.controls.pay('N-H');
    await sim.controls.idle();
    const [pending, settled] = receiver.received;
    expect(pending?.headers['user-agent']).toBe('Veritrans');
    expect(pending?.headers['content-type']).toBe('application/json');
    expect(pending?.headers.accept).toBe('application/json');
    expect([pending?.body.status_code, settled?.body.status_code]).toEqual(['201', '200']);
    expect(verifyNotification(settled?.body, SERVER_KEY)).toBe(true);
  });

  it('X-Override-Notification replaces the URL; X-Append-Notification adds to it', async () => {
    await charge('N-OV', { 'X-Override-Notification': `${receiver.url}/o1, ${receiver.url}/o2` });
    await charge('N-AP', { 'X-Append-Notification': `${receiver.url}/a1` });
    await sim.controls.idle();
    const pathsFor = (orderId: string): string[] =>
      receiver.received
        .filter((entry) => entry.body.order_id === orderId)
        .map((entry) => entry.path)
        .sort();
    expect(pathsFor('N-OV')).toEqual(['/o1', '/o2']);
    expect(pathsFor('N-AP')).toEqual(['/a1', '/main']);
  });

  it('Snap override headers apply to the transaction created from the Snap page', async () => {
    const created = await call(
      sim.apiUrl,
      'POST',
      '/snap/v1/transactions',
      { transaction_details: { order_id: 'N-SNAP', gross_amount: 10000 } },
      { headers: { 'X-Override-Notification': `${receiver.url}/snap` } },
    );
    const page = await fetch(String(created.body.redirect_url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'method=gopay',
      redirect: 'manual',
    });
    expect(page.status).toBe(303);
    await sim.controls.idle();
    expect(receiver.received.map((entry) => entry.path)).toEqual(['/snap']);
  });

  it('subscription events go to the recurring URL', async () => {
    await sim.close();
    sim = await startTestSimulator({
      notificationUrl: `${receiver.url}/main`,
      recurringNotificationUrl: `${receiver.url}/rec`,
    });
    await call(sim.apiUrl, 'POST', '/v1/subscriptions', {
      name: 'P',
      amount: '1000',
      currency: 'IDR',
      payment_type: 'credit_card',
      token: 'missing',
      schedule: { interval: 1, interval_unit: 'day' },
    });
    sim.controls.advanceClock(86_400_000);
    await sim.controls.idle();
    const recurring = receiver.received.filter((entry) => entry.path === '/rec');
    expect(recurring).toHaveLength(2);
    expect(recurring[1]?.body.event_name).toBe('subscription.charge');
  });
});
