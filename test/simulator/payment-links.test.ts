/** The Payment Link API: the typed client's three calls against the simulator, the pay page, usage and expiry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMidtransClient, type MidtransClient } from '../../src/client/index.js';
import { verifyNotification } from '../../src/domain/signature.js';
import { MidtransApiError } from '../../src/errors.js';
import type { Simulator } from '../../src/simulator/index.js';
import { CLIENT_KEY, type Receiver, SERVER_KEY, startReceiver, startTestSimulator } from './harness.js';

let sim: Simulator;
let receiver: Receiver;
let client: MidtransClient;

beforeAll(async () => {
  receiver = await startReceiver();
  sim = await startTestSimulator({ notificationUrl: `${receiver.url}/hook` });
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

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!(error instanceof MidtransApiError)) throw error;
      return error;
    },
  );

describe('payment links', () => {
  it('create → get → pay twice (limit 2) → a third payment is refused; notifications are signed', async () => {
    const created = await client.paymentLinks.createPaymentLink({
      transaction_details: { order_id: 'PL-1', gross_amount: 190000, payment_link_id: 'pl-one' },
      usage_limit: 2,
      item_details: [{ id: 'pil-001', name: 'Pillow', price: 95000, quantity: 2 }],
      customer_details: { first_name: 'Budi', email: 'budi@example.com' },
    });
    expect(created.order_id).toBe('PL-1');
    expect(created.payment_url).toBe(`${sim.apiUrl}/payment-links/pl-one`);
    const page = await fetch(created.payment_url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('0 of 2');

    const first = sim.controls.payPaymentLink('PL-1');
    // The customer pays on the page (a form POST) for the second time.
    const paid = await fetch(`${created.payment_url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(first.orderId).toMatch(/^PL-1-\d+-\d+$/);
    expect(first.transactionStatus).toBe('settlement');

    const link = await client.paymentLinks.getPaymentLink('PL-1');
    expect(link.usage).toBe(2);
    expect(link.usage_limit).toBe(2);
    expect(link.gross_amount).toBe(190000);
    expect(link.purchases?.map((p) => p.payment_status)).toEqual(['SETTLEMENT', 'SETTLEMENT']);
    const orders = link.purchases?.map((p) => p.order_id) ?? [];
    expect(new Set(orders).size).toBe(2);

    expect(() => sim.controls.payPaymentLink('PL-1')).toThrow(/used/);
    const refused = await fetch(`${created.payment_url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(refused.status).toBe(409);

    await sim.controls.idle();
    const settled = receiver.received.filter(
      (r) => orders.includes(String(r.body.order_id)) && r.body.transaction_status === 'settlement',
    );
    expect(settled).toHaveLength(2);
    for (const delivery of settled) {
      expect(verifyNotification(delivery.body, SERVER_KEY)).toBe(true);
      expect(delivery.body.gross_amount).toBe('190000.00');
    }
  });

  it('delete: the customer and a second delete find nothing; get still shows it, deleted', async () => {
    const created = await client.paymentLinks.createPaymentLink({
      transaction_details: { order_id: 'PL-2', gross_amount: 5000 },
    });
    expect((await client.paymentLinks.deletePaymentLink('PL-2')).message).toContain('PL-2');
    expect((await client.paymentLinks.getPaymentLink('PL-2')).deleted).toBe(true);
    expect((await refusal(client.paymentLinks.deletePaymentLink('PL-2'))).httpStatus).toBe(404);
    expect(() => sim.controls.payPaymentLink('PL-2')).toThrow(/deleted/);
    expect((await fetch(created.payment_url)).status).toBe(404);
  });

  it('expiry follows the simulator clock', async () => {
    await client.paymentLinks.createPaymentLink({
      transaction_details: { order_id: 'PL-3', gross_amount: 5000 },
      expiry: { duration: 1, unit: 'hours' },
    });
    sim.controls.advanceClock(60 * 60 * 1000);
    expect(() => sim.controls.payPaymentLink('PL-3')).toThrow(/expired/);
  });

  it('refuses bad input (400), a taken order id (409) and a wrong key (401)', async () => {
    const bad = await refusal(
      client.paymentLinks.createPaymentLink({
        transaction_details: { order_id: 'PL 4', gross_amount: 100 },
        item_details: [{ name: 'x', price: 50, quantity: 1 }],
        usage_limit: 0,
      }),
    );
    expect(bad.httpStatus).toBe(400);
    expect(bad.messages.join(' ')).toContain('not equal to the sum of item_details');
    expect(bad.messages.join(' ')).toContain('usage_limit');
    await client.paymentLinks.createPaymentLink({
      transaction_details: { order_id: 'PL-5', gross_amount: 1 },
    });
    const taken = await refusal(
      client.paymentLinks.createPaymentLink({ transaction_details: { order_id: 'PL-5', gross_amount: 1 } }),
    );
    expect(taken.httpStatus).toBe(409);
    const stranger = createMidtransClient({
      serverKey: 'SB-Mid-server-other',
      apiBaseUrl: sim.apiUrl,
      maxRetries: 0,
    });
    expect((await refusal(stranger.paymentLinks.getPaymentLink('PL-5'))).httpStatus).toBe(401);
  });
});
