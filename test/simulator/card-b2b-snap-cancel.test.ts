/**
 * The typed client's card register, point inquiry, BIN lookup, status B2B and Snap cancel calls
 * against the simulator over a socket: answers shaped like the fixtures, and the 4xx paths with
 * their documented error bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMidtransClient, type MidtransClient } from '../../src/client/index.js';
import { MidtransApiError } from '../../src/errors.js';
import type { Simulator } from '../../src/simulator/index.js';
import { fixture } from '../support/fixtures.js';
import { CLIENT_KEY, SERVER_KEY, startTestSimulator } from './harness.js';
import { expectSameShape } from './shape.js';

let sim: Simulator;
let client: MidtransClient;

beforeAll(async () => {
  sim = await startTestSimulator();
  client = createMidtransClient({
    serverKey: SERVER_KEY,
    clientKey: CLIENT_KEY,
    apiBaseUrl: sim.apiUrl,
    snapBaseUrl: sim.snapUrl,
    maxRetries: 0,
  });
});
afterAll(async () => {
  await sim.close();
});

async function failure(promise: Promise<unknown>): Promise<MidtransApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MidtransApiError);
  return error as MidtransApiError;
}

/** The error body has the fixture's keys and types (its `id` is optional: 411 and 404 carry none). */
function expectErrorShape(error: MidtransApiError, name: string, status: number): void {
  expect(error.httpStatus).toBe(status);
  expectSameShape(error.body, fixture(name), '$', { optional: ['id'] });
}

const card = { card_number: '4811111111111114', card_exp_month: '12', card_exp_year: '2030' };

describe('card register', () => {
  it('answers a saved token that two-click tokenisation and a charge accept', async () => {
    const registered = await client.core.cardRegister(card);
    expectSameShape(registered, fixture('card-register.response.json'));
    expect(registered.masked_card).toBe('48111111-1114');
    const token = await client.core.cardToken({ token_id: registered.saved_token_id, card_cvv: '123' });
    const charged = await client.core.charge({
      payment_type: 'credit_card',
      transaction_details: { order_id: 'CR-1', gross_amount: 20000 },
      credit_card: { token_id: token.token_id },
    });
    expect(charged.transaction_status).toBe('capture');
  });

  it('refuses a wrong client key (401) and a bad card (400), naming the fields', async () => {
    const denied = await failure(client.core.cardRegister({ ...card, client_key: 'SB-Mid-client-wrong' }));
    expectErrorShape(denied, 'error-401.json', 401);
    const bad = await failure(client.core.cardRegister({ ...card, card_number: '4811111111111115' }));
    expectErrorShape(bad, 'error-400-validation.json', 400);
    expect(bad.messages).toContain('card_number does not match with luhn algorithm');
  });
});

describe('point inquiry', () => {
  it('answers the card’s deterministic balance, capped by gross_amount', async () => {
    const token = await client.core.cardToken({ ...card, card_cvv: '123' });
    const inquiry = await client.core.pointInquiry(token.token_id);
    expectSameShape(inquiry, fixture('point-inquiry.response.json'));
    expect(inquiry.point_balance_amount).toBe('111400.00');
    expect(
      (await client.core.pointInquiry(token.token_id, { gross_amount: '50000' })).point_balance_amount,
    ).toBe('50000.00');
  });

  it('refuses an unknown token (411) and a malformed gross_amount (400)', async () => {
    const unknown = await failure(client.core.pointInquiry('48111111-1114-unknown'));
    expectErrorShape(unknown, 'error-411.json', 411);
    const token = await client.core.cardToken({ ...card, card_cvv: '123' });
    const bad = await failure(client.core.pointInquiry(token.token_id, { gross_amount: '12.5' }));
    expectErrorShape(bad, 'error-400-validation.json', 400);
    expect(bad.messages).toContain('gross_amount must be a positive integer');
  });
});

describe('BIN lookup', () => {
  it('answers the documented data for a known 8-digit and 6-digit BIN', async () => {
    expect(await client.core.binLookup('45563300')).toEqual(fixture('bin.response.json'));
    const six = await client.core.binLookup('481111');
    expectSameShape(six, fixture('bin.response.json'));
    expect(six.data).toMatchObject({ bin: '481111', brand: 'visa', bank_code: 'bni' });
  });

  it('404s an unknown or malformed BIN and accepts the client key as Basic auth', async () => {
    for (const bin of ['99999999', '4811', 'abcdefgh']) {
      const missing = await failure(client.core.binLookup(bin));
      expectErrorShape(missing, 'error-bin-404.json', 404);
    }
    const viaClientKey = await fetch(`${sim.apiUrl}/v1/bins/45563300`, {
      headers: { Authorization: `Basic ${Buffer.from(`${CLIENT_KEY}:`).toString('base64')}` },
    });
    expect(viaClientKey.status).toBe(200);
    const wrong = createMidtransClient({
      serverKey: 'SB-Mid-server-wrong',
      apiBaseUrl: sim.apiUrl,
      maxRetries: 0,
    });
    expectErrorShape(await failure(wrong.core.binLookup('45563300')), 'error-401.json', 401);
  });
});

describe('status B2B', () => {
  it('lists an order’s transactions newest first, paged, by either id', async () => {
    const echannel = {
      payment_type: 'echannel' as const,
      echannel: { bill_info1: 'Pay', bill_info2: 'Kopi' },
    };
    const first = await client.core.charge({
      ...echannel,
      transaction_details: { order_id: 'B2B-1', gross_amount: 6000 },
    });
    await client.core.cancel('B2B-1');
    const second = await client.core.charge({
      ...echannel,
      transaction_details: { order_id: 'B2B-1', gross_amount: 6000 },
    });
    sim.controls.pay('B2B-1');

    const all = await client.core.statusB2b('B2B-1');
    expectSameShape(all, fixture('b2b-status.response.json'), '$', {
      optional: ['merchant_id', 'currency', 'biller_code', 'settlement_time', 'expiry_time'],
    });
    expect(all.transactions.map((t) => [t.transaction_id, t.transaction_status])).toEqual([
      [second.transaction_id, 'settlement'],
      [first.transaction_id, 'cancel'],
    ]);
    const viaOld = await client.core.statusB2b(first.transaction_id, { per_page: '1', page: '1' });
    expect(viaOld.transactions.map((t) => t.transaction_id)).toEqual([first.transaction_id]);
    expect((await client.core.statusB2b('B2B-1', { page: '2', per_page: '1' })).transactions).toEqual([]);
  });

  it('404s an unknown order and 400s bad paging', async () => {
    expectErrorShape(await failure(client.core.statusB2b('B2B-NONE')), 'error-404.json', 404);
    const bad = await failure(client.core.statusB2b('B2B-1', { per_page: '0' }));
    expectErrorShape(bad, 'error-400-validation.json', 400);
    expect(bad.messages).toContain('per_page must be an integer of at least 1');
  });
});

describe('Snap cancel', () => {
  const payOnPage = (token: string): Promise<Response> =>
    fetch(`${sim.apiUrl}/snap/v2/vtweb/${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'method=bca_va',
      redirect: 'manual',
    });

  it('cancels an open session: the page refuses to pay and the order id is free again', async () => {
    const { token } = await client.snap.createTransaction({
      transaction_details: { order_id: 'SC-1', gross_amount: 10000 },
    });
    const cancelled = await client.snap.cancelTransaction(token);
    expectSameShape(cancelled, fixture('snap-cancel.response.json'));
    expect(cancelled.canceled_at).toBe(sim.controls.now().toISOString());
    expect((await payOnPage(token)).status).toBe(400);
    await expect(client.core.status('SC-1')).rejects.toBeInstanceOf(MidtransApiError);
    const again = await client.snap.createTransaction({
      transaction_details: { order_id: 'SC-1', gross_amount: 10000 },
    });
    expect(again.token).not.toBe(token);
  });

  it('answers the documented errors: unknown, already cancelled, payment in progress', async () => {
    const unknown = await failure(client.snap.cancelTransaction('no-such-token'));
    expectErrorShape(unknown, 'error-snap-cancel-404.json', 404);
    const { token } = await client.snap.createTransaction({
      transaction_details: { order_id: 'SC-2', gross_amount: 10000 },
    });
    await client.snap.cancelTransaction(token);
    const twice = await failure(client.snap.cancelTransaction(token));
    expect([twice.httpStatus, twice.messages]).toEqual([409, ['token already canceled']]);
    const paying = await client.snap.createTransaction({
      transaction_details: { order_id: 'SC-3', gross_amount: 10000 },
    });
    expect((await payOnPage(paying.token)).status).toBe(303);
    const busy = await failure(client.snap.cancelTransaction(paying.token));
    expect([busy.httpStatus, busy.messages]).toEqual([409, ['Transaction is on progress']]);
  });
});
