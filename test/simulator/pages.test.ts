/** The HTML pages: Snap checkout, 3DS, /pay/:id, invoice payment link. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.js';
import { call, cardToken, chargeBody, startTestSimulator } from './harness.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

const post = (url: string, form: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });

describe('pages', () => {
  it('the home page lists the base URLs', async () => {
    const html = await (await fetch(`${sim.apiUrl}/`)).text();
    expect(html).toContain(`${sim.apiUrl}/snap/v1`);
    expect(html).toContain(`${sim.apiUrl}/__sim`);
  });

  it('answers a browser asking for /favicon.ico with 204, not an API 401', async () => {
    const response = await fetch(`${sim.apiUrl}/favicon.ico`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('Snap: status 404 until a method is picked; the page then shows VA instructions and Pay works', async () => {
    const created = await call(sim.apiUrl, 'POST', '/snap/v1/transactions', {
      transaction_details: { order_id: 'P-SNAP', gross_amount: 25000 },
      enabled_payments: ['bca_va', 'gopay', 'credit_card'],
      callbacks: { finish: 'https://shop.example/finish' },
    });
    const url = String(created.body.redirect_url);
    const html = await (await fetch(url)).text();
    expect(html).toContain('BCA Virtual Account');
    expect(html).not.toContain('Indomaret');
    expect((await call(sim.apiUrl, 'GET', '/v2/P-SNAP/status')).status).toBe(404);
    const picked = await post(url, { method: 'bca_va' });
    expect(picked.status).toBe(303);
    const payUrl = new URL(picked.headers.get('location') ?? '', sim.apiUrl).toString();
    const payPage = await (await fetch(payUrl)).text();
    const status = await call(sim.apiUrl, 'GET', '/v2/P-SNAP/status');
    const vaNumber = (status.body.va_numbers as { va_number: string }[])[0]?.va_number ?? '';
    expect(payPage).toContain(vaNumber);
    expect(payPage).toContain('>Pay</button>');
    const paid = await post(`${payUrl}/pay`, {});
    expect(paid.status).toBe(303);
    const after = await (await fetch(payUrl)).text();
    expect(after).toContain('settlement');
    expect(after).toContain(
      'https://shop.example/finish?order_id=P-SNAP&amp;status_code=200&amp;transaction_status=settlement',
    );
  });

  it('Snap card: 3DS page with OTP; a wrong OTP is refused, 112233 captures', async () => {
    const created = await call(sim.apiUrl, 'POST', '/snap/v1/transactions', {
      transaction_details: { order_id: 'P-CARD', gross_amount: 25000 },
    });
    const picked = await post(String(created.body.redirect_url), {
      method: 'credit_card',
      card_number: '4811 1111 1111 1114',
    });
    const threeDs = new URL(picked.headers.get('location') ?? '', sim.apiUrl).toString();
    expect(threeDs).toContain('/v2/3ds/redirect/');
    expect(await (await fetch(threeDs)).text()).toContain('112233');
    expect(await (await post(threeDs, { otp: '000000', action: 'pay' })).text()).toContain('Wrong OTP');
    expect((await post(threeDs, { otp: '112233', action: 'pay' })).status).toBe(303);
    expect((await call(sim.apiUrl, 'GET', '/v2/P-CARD/status')).body.transaction_status).toBe('capture');
  });

  it('3DS Fail button denies; /pay shows bill key, payment code and QR string', async () => {
    const token = await cardToken(sim, '4811111111111114');
    const charged = await call(
      sim.apiUrl,
      'POST',
      '/v2/charge',
      chargeBody('P-3F', 10000, {
        payment_type: 'credit_card',
        credit_card: { token_id: token, authentication: true },
      }),
    );
    await post(String(charged.body.redirect_url), { action: 'fail' });
    expect((await call(sim.apiUrl, 'GET', '/v2/P-3F/status')).body.transaction_status).toBe('deny');

    const bill = await call(
      sim.apiUrl,
      'POST',
      '/v2/charge',
      chargeBody('P-ECH', 10000, {
        payment_type: 'echannel',
        echannel: { bill_info1: 'a', bill_info2: 'b' },
      }),
    );
    expect(await (await fetch(`${sim.apiUrl}/pay/P-ECH`)).text()).toContain(String(bill.body.bill_key));
    const store = await call(
      sim.apiUrl,
      'POST',
      '/v2/charge',
      chargeBody('P-IND', 10000, { payment_type: 'cstore', cstore: { store: 'indomaret' } }),
    );
    expect(await (await fetch(`${sim.apiUrl}/pay/P-IND`)).text()).toContain(String(store.body.payment_code));
    const qr = await call(
      sim.apiUrl,
      'POST',
      '/v2/charge',
      chargeBody('P-QR', 10000, { payment_type: 'qris' }),
    );
    expect(await (await fetch(`${sim.apiUrl}/pay/P-QR`)).text()).toContain(String(qr.body.qr_string));
    await post(`${sim.apiUrl}/pay/P-QR/fail`, {});
    expect((await call(sim.apiUrl, 'GET', '/v2/P-QR/status')).body.transaction_status).toBe('deny');
  });

  it('invoice payment link page pays the invoice', async () => {
    const created = await call(sim.apiUrl, 'POST', '/v1/invoices', {
      order_id: 'P-INV',
      invoice_number: 'INV-1',
      invoice_date: '2025-01-15 09:00:00 +0700',
      due_date: '2025-01-31 09:00:00 +0700',
      customer_details: { name: 'Budi', email: 'b@example.com' },
      item_details: [{ description: 'Kopi', quantity: 1, price: 10000 }],
      payment_type: 'payment_link',
    });
    const link = String(created.body.payment_link_url);
    expect(await (await fetch(link)).text()).toContain('INV-1');
    expect((await post(`${link}/pay`, {})).status).toBe(303);
    expect((await call(sim.apiUrl, 'GET', `/v1/invoices/${String(created.body.id)}`)).body.status).toBe(
      'paid',
    );
    const again = await call(sim.apiUrl, 'PATCH', `/v1/invoices/${String(created.body.id)}/void`);
    expect(again.status).toBe(409);
  });
});
