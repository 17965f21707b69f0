/**
 * Midtrans's documented transitions (docs/midtrans-wire.md §5): allowed moves succeed, refused ones
 * are body 412.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { type Answer, call, cardToken, chargeBody, startTestSimulator } from './harness.js';

let sim: Simulator;
const api = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Answer> => call(sim.apiUrl, method, path, body, headers ? { headers } : {});
const va = (orderId: string, bank = 'bca', amount = 100000): Promise<Answer> =>
  api(
    'POST',
    '/v2/charge',
    chargeBody(orderId, amount, { payment_type: 'bank_transfer', bank_transfer: { bank } }),
  );
const card = async (orderId: string, number = '4811111111111114', extra: Record<string, unknown> = {}) =>
  api(
    'POST',
    '/v2/charge',
    chargeBody(orderId, 100000, {
      payment_type: 'credit_card',
      credit_card: { token_id: await cardToken(sim, number), ...extra },
    }),
  );
const statusOf = async (id: string): Promise<unknown> =>
  (await api('GET', `/v2/${id}/status`)).body.transaction_status;

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

describe('state machine', () => {
  it('pending → settlement; then cancel/expire/approve/capture are refused with 412', async () => {
    const charged = await va('SM-1');
    sim.controls.pay('SM-1');
    expect(await statusOf('SM-1')).toBe('settlement');
    for (const action of ['cancel', 'expire', 'approve', 'deny']) {
      const answer = await api('POST', `/v2/SM-1/${action}`);
      expect([action, answer.status, answer.body.status_code]).toEqual([action, 412, '412']);
    }
    const capture = await api('POST', '/v2/capture', { transaction_id: charged.body.transaction_id });
    expect(capture.body.status_code).toBe('412');
    // Bank transfers cannot be refunded through the API.
    expect((await api('POST', '/v2/SM-1/refund', { amount: 1000 })).body.status_code).toBe('412');
  });

  it('accepts order_id or transaction_id in every {id} path', async () => {
    const charged = await va('SM-2');
    const id = String(charged.body.transaction_id);
    expect((await api('GET', `/v2/${id}/status`)).body.order_id).toBe('SM-2');
    expect((await api('POST', `/v2/${id}/cancel`)).body.transaction_status).toBe('cancel');
    expect(await statusOf('SM-2')).toBe('cancel');
  });

  it('order_id reuse: 406 while live, allowed after expire or cancel', async () => {
    await va('SM-3');
    expect((await va('SM-3')).body.status_code).toBe('406');
    sim.controls.expire('SM-3');
    expect((await va('SM-3')).body.status_code).toBe('201');
    await api('POST', '/v2/SM-3/cancel');
    expect((await va('SM-3')).body.status_code).toBe('201');
    sim.controls.pay('SM-3');
    expect((await va('SM-3')).body.status_code).toBe('406');
  });

  it('card: challenge → approve; challenge → deny; approve without challenge is 412', async () => {
    await card('SM-CH1', '4511111111111117');
    expect((await api('POST', '/v2/SM-CH1/approve')).body.fraud_status).toBe('accept');
    expect((await api('POST', '/v2/SM-CH1/approve')).body.status_code).toBe('412');
    await card('SM-CH2');
    sim.controls.challenge('SM-CH2');
    expect((await api('POST', '/v2/SM-CH2/deny')).body.transaction_status).toBe('deny');
  });

  it('card: authorize → capture → settlement → partial refunds → refund; then refund is 412', async () => {
    const auth = await card('SM-AU', '4811111111111114', { type: 'authorize' });
    expect(auth.body.transaction_status).toBe('authorize');
    expect((await api('POST', '/v2/SM-AU/refund', {})).body.status_code).toBe('412');
    await api('POST', '/v2/capture', { transaction_id: auth.body.transaction_id });
    expect(() => sim.controls.reverse('SM-AU')).toThrow(/Cannot reverse/);
    sim.controls.settle('SM-AU');
    expect(
      (await api('POST', '/v2/SM-AU/refund', { refund_key: 'a', amount: 30000 })).body.transaction_status,
    ).toBe('partial_refund');
    expect(
      (await api('POST', '/v2/SM-AU/refund', { refund_key: 'b', amount: 30000 })).body.transaction_status,
    ).toBe('partial_refund');
    expect((await api('POST', '/v2/SM-AU/refund', { refund_key: 'c', amount: 40001 })).body.status_code).toBe(
      '414',
    );
    const last = await api('POST', '/v2/SM-AU/refund/online/direct', { refund_key: 'c', amount: 40000 });
    expect(last.body.transaction_status).toBe('refund');
    const status = await api('GET', '/v2/SM-AU/status');
    expect(status.body.refund_amount).toBe('100000.00');
    expect((status.body.refunds as unknown[]).length).toBe(3);
    expect((await api('POST', '/v2/SM-AU/refund', { refund_key: 'd', amount: 1 })).body.status_code).toBe(
      '412',
    );
  });

  it('partial capture: the transaction carries the captured amount; a second capture is 412', async () => {
    const auth = await card('SM-PC', '4811111111111114', { type: 'authorize' });
    const over = await api('POST', '/v2/capture', {
      transaction_id: auth.body.transaction_id,
      gross_amount: 100001,
    });
    expect(over.body.status_code).toBe('400');
    const captured = await api('POST', '/v2/capture', {
      transaction_id: auth.body.transaction_id,
      gross_amount: 25000,
    });
    expect(captured.body).toMatchObject({
      status_code: '200',
      transaction_status: 'capture',
      gross_amount: '25000.00',
    });
    const again = await api('POST', '/v2/capture', {
      transaction_id: auth.body.transaction_id,
      gross_amount: 50000,
    });
    expect(again.body.status_code).toBe('412');
    expect((await api('GET', '/v2/SM-PC/status')).body.gross_amount).toBe('25000.00');
    sim.controls.settle('SM-PC');
    expect((await api('POST', '/v2/SM-PC/refund', { refund_key: 'x', amount: 25001 })).body.status_code).toBe(
      '414',
    );
    expect(
      (await api('POST', '/v2/SM-PC/refund', { refund_key: 'y', amount: 25000 })).body.transaction_status,
    ).toBe('refund');
  });

  it('refund_key: same key and amount replays the stored result, a different amount is 406', async () => {
    await card('SM-RK');
    sim.controls.settle('SM-RK');
    const first = await api('POST', '/v2/SM-RK/refund', { refund_key: 'k', amount: 1000 });
    const again = await api('POST', '/v2/SM-RK/refund', { refund_key: 'k', amount: 1000 });
    expect(again.body).toEqual(first.body);
    expect((await api('GET', '/v2/SM-RK/status')).body.refund_amount).toBe('1000.00');
    expect((await api('POST', '/v2/SM-RK/refund', { refund_key: 'k', amount: 2000 })).body.status_code).toBe(
      '406',
    );
  });

  it('deny paths: bank deny card, FDS deny card, fail control; 3DS card pending → capture', async () => {
    expect((await card('SM-D1', '4911111111111113')).body).toMatchObject({
      status_code: '202',
      fraud_status: 'accept',
    });
    expect((await card('SM-D2', '4611111111111116')).body).toMatchObject({
      status_code: '202',
      fraud_status: 'deny',
    });
    await va('SM-D3');
    sim.controls.fail('SM-D3');
    expect(await statusOf('SM-D3')).toBe('deny');
    expect(() => sim.controls.pay('SM-D3')).toThrow(/Cannot pay/);
    await card('SM-3DS', '4811111111111114', { authentication: true });
    sim.controls.pay('SM-3DS');
    expect(await statusOf('SM-3DS')).toBe('settlement');
  });

  it('settlement → deny reversal for permata / echannel / indomaret only; chargebacks', async () => {
    await va('SM-PM', 'permata');
    sim.controls.pay('SM-PM');
    expect(sim.controls.reverse('SM-PM').transactionStatus).toBe('deny');
    await va('SM-BCA');
    sim.controls.pay('SM-BCA');
    expect(() => sim.controls.reverse('SM-BCA')).toThrow(/Cannot reverse/);
    await card('SM-CB');
    sim.controls.settle('SM-CB');
    expect(sim.controls.chargeback('SM-CB', { amount: 40000 }).transactionStatus).toBe('partial_chargeback');
    expect(() => sim.controls.chargeback('SM-CB', { amount: 60001 })).toThrow(/amount/);
    expect(sim.controls.chargeback('SM-CB').transactionStatus).toBe('chargeback');
  });

  it('Idempotency-Key: success replayed regardless of body, long keys ignored, 5-minute window', async () => {
    const key = { 'Idempotency-Key': 'idem-1' };
    const first = await api('POST', '/v2/charge', chargeBody('SM-I1', 1000, { payment_type: 'gopay' }), key);
    const replay = await api('POST', '/v2/charge', chargeBody('SM-OTHER', 5, { payment_type: 'qris' }), key);
    expect(replay.body).toEqual(first.body);
    expect((await api('GET', '/v2/SM-OTHER/status')).status).toBe(404);
    sim.controls.advanceClock(5 * 60_000 + 1);
    const late = await api('POST', '/v2/charge', chargeBody('SM-I1', 1000, { payment_type: 'gopay' }), key);
    expect(late.body.status_code).toBe('406');
    const long = { 'Idempotency-Key': 'x'.repeat(47) };
    await api('POST', '/v2/charge', chargeBody('SM-I2', 1000, { payment_type: 'gopay' }), long);
    expect(
      (await api('POST', '/v2/charge', chargeBody('SM-I2', 1000, { payment_type: 'gopay' }), long)).body
        .status_code,
    ).toBe('406');
    // Failures are not stored: the same key works once the request is valid.
    const failKey = { 'Idempotency-Key': 'idem-fail' };
    expect((await api('POST', '/v2/charge', { payment_type: 'gopay' }, failKey)).status).toBe(400);
    expect(
      (await api('POST', '/v2/charge', chargeBody('SM-I3', 1000, { payment_type: 'gopay' }), failKey)).status,
    ).toBe(200);
  });

  it('validation errors are 400 with validation_messages', async () => {
    const answer = await api('POST', '/v2/charge', {
      payment_type: 'bank_transfer',
      transaction_details: { order_id: 'bad id!', gross_amount: 10.5 },
      bank_transfer: { bank: 'bca' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.validation_messages).toEqual(
      expect.arrayContaining([expect.stringContaining('order_id'), expect.stringContaining('gross_amount')]),
    );
    const items = await api('POST', '/v2/charge', {
      ...chargeBody('SM-V', 100, { payment_type: 'gopay' }),
      item_details: [{ id: 'a', price: 50, quantity: 1, name: 'a' }],
    });
    expect(items.body.validation_messages).toEqual([
      'transaction_details.gross_amount is not equal to the sum of item_details',
    ]);
  });
});
