/**
 * A big clock jump runs every due item at its own instant, retries included (issue 19, item 4.6).
 *
 * Documented fact checked: Midtrans retries a failed notification at most five times, about 2, 10,
 * 30, 90 and 210 minutes after the previous failure, each shifted by a random amount up to its
 * interval (docs.midtrans.com/docs/https-notification-webhooks; our summary: docs/midtrans-wire.md
 * §6.2). So the gap before retry n lies in [interval n, 2 × interval n], whatever the jump size.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_PREFIX, type DeliveryAttempt, type Simulator } from '../../src/simulator/index.js';
import { DEFAULT_RETRY_INTERVALS_MS } from '../../src/simulator/retry-policy.js';
import { call, chargeBody, type Receiver, START, startReceiver, startTestSimulator } from './harness.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let sim: Simulator;
let receiver: Receiver;

beforeEach(async () => {
  receiver = await startReceiver();
  // Real timers at Midtrans's own scale (minutes) never fire during the test: only the jump runs
  // the retries. Jitter 1 is Midtrans's "random amount up to the interval".
  sim = await startTestSimulator({
    notificationUrl: `${receiver.url}/hook`,
    notificationRetry: { timeScale: 1, jitter: 1 },
  });
});
afterEach(async () => {
  await sim.close();
  await receiver.close();
});

/** Check each retry's gap (simulator time) against the retry policy; returns the attempt times. */
function checkGaps(log: DeliveryAttempt[]): number[] {
  const times = log.map((entry) => Date.parse(entry.simulatorTime));
  for (let n = 1; n < times.length; n += 1) {
    const gap = (times[n] ?? 0) - (times[n - 1] ?? 0);
    const interval = DEFAULT_RETRY_INTERVALS_MS[n - 1] ?? 0;
    expect(gap, `gap before retry ${n}`).toBeGreaterThanOrEqual(interval);
    expect(gap, `gap before retry ${n}`).toBeLessThanOrEqual(2 * interval);
  }
  return times;
}

describe('advanceClockSettled: a 10-hour jump with a failing receiver', () => {
  it('every retry (and the expiry notification and its retries) runs at its own instant', async () => {
    receiver.respond = () => 502; // "anything else": five retries
    const body = chargeBody('JUMP-1', 10000, {
      payment_type: 'bank_transfer',
      bank_transfer: { bank: 'bca' },
      custom_expiry: { expiry_duration: 60, unit: 'minute' },
    });
    expect((await call(sim.apiUrl, 'POST', '/v2/charge', body)).status).toBe(200);
    await sim.controls.advanceClockSettled(10 * HOUR);
    expect(sim.controls.now().getTime()).toBe(START.getTime() + 10 * HOUR);

    const log = sim.controls.deliveries('JUMP-1');
    const pending = log.filter((entry) => entry.payload.transaction_status === 'pending');
    const expired = log.filter((entry) => entry.payload.transaction_status === 'expire');
    // Retries 1–4 are due within 2 × (2 + 10 + 30 + 90) min = 4.4 h of the first attempt; the 5th
    // within 11.4 h, so it may or may not fall inside the 10-hour jump.
    expect(pending.length).toBeGreaterThanOrEqual(5);
    expect(expired.length).toBeGreaterThanOrEqual(5);
    const pendingTimes = checkGaps(pending);
    const expiredTimes = checkGaps(expired);
    expect(pendingTimes[0]).toBe(START.getTime());
    expect(expiredTimes[0]).toBe(START.getTime() + HOUR);
    // Every attempt ran inside the jump, and the log is in simulator-time order.
    const all = log.map((entry) => Date.parse(entry.simulatorTime));
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(Math.max(...all)).toBeLessThanOrEqual(START.getTime() + 10 * HOUR);
    // The receiver always fails: attempts 1–5 earn a retry, the sixth gives up.
    for (const entry of log) expect(entry.outcome).toBe(entry.attempt < 6 ? 'retry-scheduled' : 'gave-up');
  });

  it('over HTTP: POST /__sim/clock/advance with settle: true does the same', async () => {
    receiver.respond = () => 502;
    const body = chargeBody('JUMP-2', 10000, {
      payment_type: 'bank_transfer',
      bank_transfer: { bank: 'bca' },
    });
    await call(sim.apiUrl, 'POST', '/v2/charge', body);
    const answer = await call(sim.apiUrl, 'POST', `${CONTROL_PREFIX}/clock/advance`, {
      ms: 5 * HOUR,
      settle: true,
    });
    expect(answer.status).toBe(200);
    const log = sim.controls.deliveries('JUMP-2');
    expect(log.length).toBeGreaterThanOrEqual(5);
    checkGaps(log);
  });
});
