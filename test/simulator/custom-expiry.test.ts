/**
 * The merchant-set payment window as Midtrans documents it (issue 19, item 4.1).
 *
 * docs.midtrans.com/reference/custom-expiry-object: `expiry_duration` is typed String(50) (so
 * `"60"` is as good as `60`); `unit` is second, minute, hour or day, "Default value is minute".
 * Limits: bank transfer and Akulaku pages give 20 seconds to 180 days; the deployment notice of
 * 30 August 2022 gives GoPay 7 days at most; the ShopeePay page 5 days (src/domain/expiry-limits.ts).
 * Midtrans does not document the wording of the refusal: the simulator answers its usual
 * validation error (400, `validation_messages` naming the field).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { type Answer, call, chargeBody, startTestSimulator } from './harness.js';

const MINUTE = 60_000;
const VA = { payment_type: 'bank_transfer', bank_transfer: { bank: 'bni' } };
let sim: Simulator;
const api = (method: string, path: string, body?: unknown): Promise<Answer> =>
  call(sim.apiUrl, method, path, body);
const statusOf = async (id: string): Promise<unknown> =>
  (await api('GET', `/v2/${id}/status`)).body.transaction_status;

beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(async () => {
  await sim.close();
});

describe('custom_expiry (Core API charge)', () => {
  it('"60" without unit is 60 minutes (string duration accepted, unit defaults to minute)', async () => {
    const charged = await api(
      'POST',
      '/v2/charge',
      chargeBody('CE-1', 10000, { ...VA, custom_expiry: { expiry_duration: '60' } }),
    );
    expect(charged.status).toBe(200);
    expect(charged.body.status_code).toBe('201');
    sim.controls.advanceClock(60 * MINUTE - 1000);
    expect(await statusOf('CE-1')).toBe('pending');
    sim.controls.advanceClock(1000);
    expect(await statusOf('CE-1')).toBe('expire');
  });

  it.each([
    ['below 20 seconds', VA, { expiry_duration: 19, unit: 'second' }],
    ['above 180 days', VA, { expiry_duration: 181, unit: 'day' }],
    ['GoPay above 7 days', { payment_type: 'gopay' }, { expiry_duration: 8, unit: 'day' }],
    [
      'ShopeePay above 5 days',
      { payment_type: 'shopeepay', shopeepay: {} },
      { expiry_duration: 6, unit: 'day' },
    ],
    ['not a whole number', VA, { expiry_duration: '1.5', unit: 'hour' }],
  ])('%s is refused with a validation error naming the field', async (name, extra, expiry) => {
    const orderId = `CE-${name.replace(/\W+/g, '-')}`;
    const answer = await api(
      'POST',
      '/v2/charge',
      chargeBody(orderId, 10000, { ...extra, custom_expiry: expiry }),
    );
    expect(answer.body.status_code).toBe('400');
    expect(JSON.stringify(answer.body.validation_messages)).toContain('custom_expiry.expiry_duration');
    expect((await api('GET', `/v2/${orderId}/status`)).body.status_code).toBe('404');
  });

  it('the edges are accepted: 20 seconds, 180 days for a VA, 7 days for GoPay', async () => {
    const ok = async (orderId: string, extra: object, expiry: object): Promise<void> => {
      const answer = await api(
        'POST',
        '/v2/charge',
        chargeBody(orderId, 10000, { ...extra, custom_expiry: expiry }),
      );
      expect(answer.body.status_code, orderId).toBe('201');
    };
    await ok('CE-E1', VA, { expiry_duration: 20, unit: 'second' });
    await ok('CE-E2', VA, { expiry_duration: '180', unit: 'day' });
    await ok('CE-E3', { payment_type: 'gopay' }, { expiry_duration: 7, unit: 'day' });
  });
});

describe('expiry (Snap)', () => {
  it('a string duration without unit is accepted; beyond 180 days is refused', async () => {
    const snap = (orderId: string, expiry: object): Promise<Answer> =>
      api('POST', '/snap/v1/transactions', {
        transaction_details: { order_id: orderId, gross_amount: 10000 },
        expiry,
      });
    expect((await snap('SE-1', { duration: '30' })).status).toBe(201);
    const refused = await snap('SE-2', { duration: 181, unit: 'days' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('expiry.duration');
  });
});
