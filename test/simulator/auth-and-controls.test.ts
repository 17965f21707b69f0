/** Auth failures on each API family, and the HTTP control surface. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { call, chargeBody, startTestSimulator } from './harness.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

describe('auth per API family', () => {
  const families: [string, string, string, unknown][] = [
    ['core', 'POST', '/v2/charge', chargeBody('A-1', 1000, { payment_type: 'gopay' })],
    ['core status', 'GET', '/v2/A-1/status', undefined],
    ['snap', 'POST', '/snap/v1/transactions', { transaction_details: { order_id: 'A-2', gross_amount: 1 } }],
    ['subscriptions', 'GET', '/v1/subscriptions/x', undefined],
    ['invoices', 'GET', '/v1/invoices/x', undefined],
  ];
  it.each(families)(
    '%s: missing and wrong key → 401 in the family shape',
    async (name, method, path, body) => {
      for (const auth of [null, 'SB-Mid-server-WRONG']) {
        const answer = await call(sim.apiUrl, method, path, body, { auth });
        expect(answer.status).toBe(401);
        if (name.startsWith('core')) expect(answer.body.status_code).toBe('401');
        else if (name === 'subscriptions') expect(Object.keys(answer.body)).toEqual(['status_message']);
        else expect(Array.isArray(answer.body.error_messages)).toBe(true);
      }
    },
  );

  it('card token: client key in the query, not Basic auth', async () => {
    const base = `${sim.apiUrl}/v2/token?card_number=4811111111111114&card_cvv=123&card_exp_month=12&card_exp_year=2030`;
    expect((await fetch(`${base}&client_key=SB-Mid-client-WRONG`)).status).toBe(401);
    const ok = await fetch(`${base}&client_key=SB-Mid-client-TEST-KEY-0000`);
    expect(ok.status).toBe(200);
    const luhn = await fetch(
      `${sim.apiUrl}/v2/token?client_key=SB-Mid-client-TEST-KEY-0000&card_number=4811111111111115&card_cvv=123&card_exp_month=12&card_exp_year=2030`,
    );
    expect(((await luhn.json()) as { validation_messages: string[] }).validation_messages).toContain(
      'card_number does not match with luhn algorithm',
    );
  });
});

describe('HTTP controls under controlUrl', () => {
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sim.controlUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('pay, fail, expire, transactions, clock, deliveries, reset', async () => {
    await call(sim.apiUrl, 'POST', '/v2/charge', chargeBody('HC-1', 1000, { payment_type: 'gopay' }));
    await call(sim.apiUrl, 'POST', '/v2/charge', chargeBody('HC-2', 1000, { payment_type: 'gopay' }));
    expect((await control('POST', '/transactions/HC-1/pay')).body.transactionStatus).toBe('settlement');
    expect((await control('POST', '/transactions/HC-1/pay')).status).toBe(409);
    expect((await control('POST', '/transactions/nope/pay')).status).toBe(404);
    expect((await control('POST', '/transactions/HC-2/fail')).body.transactionStatus).toBe('deny');
    const listed = await fetch(`${sim.controlUrl}/transactions`).then(
      (r) => r.json() as Promise<{ orderId: string }[]>,
    );
    expect(listed.map((entry) => entry.orderId)).toEqual(expect.arrayContaining(['HC-1', 'HC-2']));
    const before = (await control('GET', '/clock')).body.now as string;
    const after = (await control('POST', '/clock/advance', { ms: 60_000 })).body.now as string;
    expect(Date.parse(after) - Date.parse(before)).toBe(60_000);
    expect((await control('POST', '/clock', { now: '2030-01-01T00:00:00Z' })).body.now).toBe(
      '2030-01-01T00:00:00.000Z',
    );
    expect(Array.isArray(await fetch(`${sim.controlUrl}/deliveries`).then((r) => r.json()))).toBe(true);
    await control('POST', '/reset');
    expect((await call(sim.apiUrl, 'GET', '/v2/HC-1/status')).status).toBe(404);
  });
});
