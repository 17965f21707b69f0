/**
 * Error answers in each API family's documented shape (issue 19, item 4.2).
 *
 * docs.midtrans.com/reference/code-4xx: 405 "HTTP method is not allowed", 401 "Access denied due to
 * unauthorized transaction"; Core answers `{status_code, status_message, id}`; Snap and the
 * Invoicing API `{error_messages: [...]}`; Subscriptions `{status_message}` (test/fixtures/error-*.json
 * hold the Core, Snap, Invoicing and Subscriptions shapes).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { call, startTestSimulator } from './harness.js';

let sim: Simulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(async () => {
  await sim.close();
});

describe('405 on a known path with the wrong method', () => {
  it('Invoicing: DELETE /v1/invoices/{id} answers the invoice shape', async () => {
    const answer = await call(sim.apiUrl, 'DELETE', '/v1/invoices/inv-1');
    expect(answer.status).toBe(405);
    expect(answer.body).toEqual({ error_messages: ['HTTP method is not allowed'] });
  });

  it('Subscriptions: DELETE /v1/subscriptions/{id} answers the subscription shape', async () => {
    const answer = await call(sim.apiUrl, 'DELETE', '/v1/subscriptions/sub-1');
    expect(answer.status).toBe(405);
    expect(answer.body).toEqual({ status_message: 'HTTP method is not allowed' });
  });

  it('Core: GET /v2/charge answers the Core shape', async () => {
    const answer = await call(sim.apiUrl, 'GET', '/v2/charge');
    expect(answer.status).toBe(405);
    expect(answer.body).toMatchObject({ status_code: '405', status_message: 'HTTP method is not allowed' });
    expect(answer.body.id).toEqual(expect.any(String));
  });
});

describe('documented error texts (docs.midtrans.com, "Error Code & Response Code")', () => {
  it('Snap: an order id in use answers 406 "order_id has been paid and utilized, please use another order ID"', async () => {
    const body = { transaction_details: { order_id: 'DUP-SNAP-1', gross_amount: 10_000 } };
    expect((await call(sim.snapUrl, 'POST', '/transactions', body)).status).toBe(201);
    const again = await call(sim.snapUrl, 'POST', '/transactions', body);
    expect(again.status).toBe(406);
    expect(again.body).toEqual({
      error_messages: ['order_id has been paid and utilized, please use another order ID'],
    });
  });

  it('Snap: a wrong key answers 401 "Access denied due to unauthorized transaction, please check client or server key"', async () => {
    const body = { transaction_details: { order_id: 'AUTH-SNAP-1', gross_amount: 10_000 } };
    const answer = await call(sim.snapUrl, 'POST', '/transactions', body, { auth: 'SB-Mid-server-WRONG' });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({
      error_messages: expect.arrayContaining([
        'Access denied due to unauthorized transaction, please check client or server key',
      ]),
    });
  });
});
