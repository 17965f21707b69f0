/** The library's typed client (`createMidtransClient`) against the simulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMidtransClient, type MidtransClient } from '../../src/client/index.js';
import { MidtransApiError } from '../../src/errors.js';
import type { Simulator } from '../../src/simulator/index.js';
import { CLIENT_KEY, type Receiver, SERVER_KEY, startReceiver, startTestSimulator } from './harness.js';

let sim: Simulator;
let receiver: Receiver;
let client: MidtransClient;

beforeAll(async () => {
  receiver = await startReceiver();
  sim = await startTestSimulator({ notificationUrl: `${receiver.url}/default` });
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
  await receiver.close();
});

describe('typed client against the simulator', () => {
  it('charge (with override notification), status, cancel', async () => {
    const charged = await client.core.charge(
      {
        payment_type: 'bank_transfer',
        transaction_details: { order_id: 'TC-1', gross_amount: 150000 },
        bank_transfer: { bank: 'bca' },
      },
      { idempotencyKey: 'tc-1', overrideNotification: `${receiver.url}/override` },
    );
    expect(charged.status_code).toBe('201');
    expect((await client.core.status('TC-1')).transaction_status).toBe('pending');
    expect((await client.core.cancel(charged.transaction_id)).transaction_status).toBe('cancel');
    await sim.controls.idle();
    expect(new Set(receiver.received.filter((r) => r.body.order_id === 'TC-1').map((r) => r.path))).toEqual(
      new Set(['/override']),
    );
  });

  it('card token, card charge, settlement, refund; 412 and 404 surface as MidtransApiError', async () => {
    const token = await client.core.cardToken({
      card_number: '4811111111111114',
      card_cvv: '123',
      card_exp_month: '12',
      card_exp_year: '2030',
    });
    const charged = await client.core.charge({
      payment_type: 'credit_card',
      transaction_details: { order_id: 'TC-2', gross_amount: 250000 },
      credit_card: { token_id: token.token_id },
    });
    expect(charged.transaction_status).toBe('capture');
    sim.controls.settle('TC-2');
    const refund = await client.core.refund(
      'TC-2',
      { refund_key: 'TC-2-R1', amount: 50000 },
      { idempotencyKey: 'tc-2-r1' },
    );
    expect(refund.transaction_status).toBe('partial_refund');
    const refused = await client.core.cancel('TC-2').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MidtransApiError);
    expect((refused as MidtransApiError).statusCode).toBe('412');
    const missing = await client.core.status('TC-NONE').catch((error: unknown) => error);
    expect((missing as MidtransApiError).httpStatus).toBe(404);
  });

  it('expire answers body 407 as a normal result', async () => {
    await client.core.charge({
      payment_type: 'gopay',
      transaction_details: { order_id: 'TC-3', gross_amount: 1000 },
    });
    expect((await client.core.expire('TC-3')).status_code).toBe('407');
    expect((await client.core.status('TC-3')).transaction_status).toBe('expire');
  });

  it('snap createTransaction', async () => {
    const snap = await client.snap.createTransaction({
      transaction_details: { order_id: 'TC-4', gross_amount: 1000 },
    });
    expect(snap.redirect_url).toBe(`${sim.apiUrl}/snap/v2/vtweb/${snap.token}`);
  });

  it('subscriptions: create, get, disable, enable, update', async () => {
    const token = await client.core.cardToken({
      card_number: '4811111111111114',
      card_cvv: '123',
      card_exp_month: '12',
      card_exp_year: '2030',
    });
    const saved = await client.core.charge({
      payment_type: 'credit_card',
      transaction_details: { order_id: 'TC-5', gross_amount: 10000 },
      credit_card: { token_id: token.token_id, save_token_id: true },
    });
    const sub = await client.subscriptions.create({
      name: 'TC_PLAN',
      amount: '10000',
      currency: 'IDR',
      payment_type: 'credit_card',
      token: String(saved.saved_token_id),
      schedule: { interval: 1, interval_unit: 'month' },
    });
    expect(sub.status).toBe('active');
    sim.controls.advanceClock(32 * 86_400_000);
    expect((await client.subscriptions.get(sub.id)).transaction_ids).toHaveLength(1);
    expect((await client.subscriptions.disable(sub.id)).status_message).toBe('Subscription is updated.');
    await client.subscriptions.enable(sub.id);
    await client.subscriptions.update(sub.id, { schedule: { interval: 2 } });
    expect((await client.subscriptions.get(sub.id)).schedule.interval).toBe(2);
  });

  it('invoices: create, get, void', async () => {
    const invoice = await client.invoices.create({
      order_id: 'TC-INV-1',
      invoice_number: 'INV/TC/1',
      invoice_date: '2025-01-15 09:00:00 +0700',
      due_date: '2030-01-31 09:00:00 +0700',
      customer_details: { name: 'Budi', email: 'budi@example.com' },
      item_details: [{ description: 'Kopi', quantity: 2, price: 5000 }],
      payment_type: 'virtual_account',
      virtual_accounts: [{ bank: 'bca_va' }],
    });
    expect(invoice.gross_amount).toBe(10000);
    expect((await client.invoices.get(invoice.id)).status).toBe('pending');
    expect((await client.invoices.void(invoice.id)).success).toBe(true);
    const again = await client.invoices.void(invoice.id).catch((error: unknown) => error);
    expect((again as MidtransApiError).httpStatus).toBe(409);
  });
});
