/**
 * Contract: every response and notification the simulator produces has the key set, JSON
 * types and formats of the matching fixture. `optional` lists only fields the fixtures
 * themselves show in some samples and not others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyNotification } from '../../src/domain/signature.js';
import type { Simulator } from '../../src/simulator/index.js';
import { fixture } from '../support/fixtures.js';
import {
  type Answer,
  CLIENT_KEY,
  call,
  cardToken,
  chargeBody,
  type Receiver,
  SERVER_KEY,
  startReceiver,
  startTestSimulator,
} from './harness.js';
import { sameShapeMismatches } from './shape.js';

let sim: Simulator;
let receiver: Receiver;
const api = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Answer> => call(sim.apiUrl, method, path, body, headers ? { headers } : {});

function check(actual: unknown, name: string, optional: string[] = []): void {
  expect(sameShapeMismatches(actual, fixture(name), name, { optional })).toEqual([]);
}

/** Notifications received for an order, in arrival order. */
async function notificationsFor(orderId: string): Promise<Record<string, unknown>[]> {
  await sim.controls.idle();
  return receiver.received.map((entry) => entry.body).filter((body) => body.order_id === orderId);
}

async function lastNotification(orderId: string, status: string): Promise<Record<string, unknown>> {
  const found = (await notificationsFor(orderId)).filter((body) => body.transaction_status === status);
  const last = found.at(-1);
  if (!last) throw new Error(`no ${status} notification for ${orderId}`);
  expect(verifyNotification(last, SERVER_KEY)).toBe(true);
  expect(last.status_message).toBe('midtrans payment notification');
  return last;
}

beforeAll(async () => {
  receiver = await startReceiver();
  sim = await startTestSimulator({ notificationUrl: `${receiver.url}/notify` });
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

describe('charge responses per payment type', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    [
      'charge-bank_transfer-bca.response.json',
      'BCA-1',
      { payment_type: 'bank_transfer', bank_transfer: { bank: 'bca' } },
    ],
    [
      'charge-bank_transfer-bni.response.json',
      'BNI-1',
      { payment_type: 'bank_transfer', bank_transfer: { bank: 'bni' } },
    ],
    [
      'charge-bank_transfer-bri.response.json',
      'BRI-1',
      { payment_type: 'bank_transfer', bank_transfer: { bank: 'bri' } },
    ],
    [
      'charge-bank_transfer-cimb.response.json',
      'CIMB-1',
      { payment_type: 'bank_transfer', bank_transfer: { bank: 'cimb' } },
    ],
    [
      'charge-permata.response.json',
      'PERMATA-1',
      {
        payment_type: 'bank_transfer',
        bank_transfer: { bank: 'permata', permata: { recipient_name: 'TOKO' } },
      },
    ],
    [
      'charge-echannel.response.json',
      'ECH-1',
      { payment_type: 'echannel', echannel: { bill_info1: 'a', bill_info2: 'b' } },
    ],
    ['charge-cstore.response.json', 'INDO-1', { payment_type: 'cstore', cstore: { store: 'indomaret' } }],
    [
      'charge-cstore-alfamart.response.json',
      'ALFA-1',
      { payment_type: 'cstore', cstore: { store: 'alfamart' } },
    ],
    ['charge-gopay.response.json', 'GOPAY-1', { payment_type: 'gopay', gopay: { enable_callback: true } }],
    ['charge-qris.response.json', 'QRIS-1', { payment_type: 'qris', qris: { acquirer: 'gopay' } }],
    [
      'charge-shopeepay.response.json',
      'SPAY-1',
      { payment_type: 'shopeepay', shopeepay: { callback_url: 'https://x.example' } },
    ],
    [
      'charge-akulaku.response.json',
      'AKU-1',
      {
        payment_type: 'akulaku',
        item_details: [{ id: 'a', price: 300000, quantity: 1, name: 'A' }],
        customer_details: { first_name: 'Budi' },
      },
    ],
  ];
  it.each(cases)('%s', async (name, orderId, extra) => {
    const amount = name.includes('akulaku') ? 300000 : 150000;
    const answer = await api('POST', '/v2/charge', chargeBody(orderId, amount, extra));
    expect(answer.status).toBe(200);
    expect(answer.body.status_code).toBe('201');
    check(answer.body, name);
  });

  it('card with 3DS: 201 pending + redirect_url', async () => {
    const token = await cardToken(sim, '4811111111111114');
    const answer = await api(
      'POST',
      '/v2/charge',
      chargeBody('CARD-3DS', 250000, {
        payment_type: 'credit_card',
        credit_card: { token_id: token, authentication: true },
      }),
    );
    expect(answer.body.status_code).toBe('201');
    expect(String(answer.body.redirect_url)).toContain('/v2/3ds/redirect/');
    check(answer.body, 'charge-credit_card.response.json');
  });

  it('card without 3DS, save_token_id: 200 capture with saved_token_id', async () => {
    const token = await cardToken(sim, '4811111111111114');
    const answer = await api(
      'POST',
      '/v2/charge',
      chargeBody('CARD-CAP', 250000, {
        payment_type: 'credit_card',
        credit_card: { token_id: token, save_token_id: true },
      }),
    );
    expect(answer.body.status_code).toBe('200');
    check(answer.body, 'charge-credit_card-capture.response.json');
  });

  it('token and pay account', async () => {
    const query = new URLSearchParams({
      client_key: CLIENT_KEY,
      card_number: '4811111111111114',
      card_cvv: '123',
      card_exp_month: '12',
      card_exp_year: '2030',
    });
    check(await (await fetch(`${sim.apiUrl}/v2/token?${query}`)).json(), 'token.response.json');
    const created = await api('POST', '/v2/pay/account', fixture('pay-account-create.request.json'));
    check(created.body, 'pay-account-create.response.json');
    const actions = created.body.actions as { url: string }[];
    await fetch(actions[0]?.url ?? '', { method: 'POST', redirect: 'manual' });
    const got = await api('GET', `/v2/pay/account/${String(created.body.account_id)}`);
    expect(got.body.account_status).toBe('ENABLED');
    check(got.body, 'pay-account-get.response.json');
  });
});

describe('status, actions and their notifications', () => {
  it('pending VA status and notification; settlement notifications per bank', async () => {
    check((await api('GET', '/v2/BCA-1/status')).body, 'status-bank_transfer-pending.response.json');
    check(await lastNotification('BNI-1', 'pending'), 'notification-bank_transfer-pending.json');
    sim.controls.pay('BCA-1');
    sim.controls.pay('BNI-1');
    check(await lastNotification('BCA-1', 'settlement'), 'notification-bank_transfer-settlement.json', [
      'expiry_time',
    ]);
    check(await lastNotification('BNI-1', 'settlement'), 'notification-bni-settlement.json');
  });

  it('settlement notifications of permata, echannel, cstore, gopay, qris, shopeepay', async () => {
    const pairs: [string, string][] = [
      ['PERMATA-1', 'notification-permata-settlement.json'],
      ['ECH-1', 'notification-echannel-settlement.json'],
      ['INDO-1', 'notification-cstore-settlement.json'],
      ['GOPAY-1', 'notification-gopay-settlement.json'],
      ['QRIS-1', 'notification-qris-settlement.json'],
      ['SPAY-1', 'notification-shopeepay-settlement.json'],
    ];
    for (const [orderId, name] of pairs) {
      sim.controls.pay(orderId);
      check(await lastNotification(orderId, 'settlement'), name);
    }
  });

  it('card 3DS passed: capture notification, then settlement, status and refunds', async () => {
    const page = await fetch(`${sim.apiUrl}/v2/3ds/redirect/CARD-3DS`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'otp=112233&action=pay',
      redirect: 'manual',
    });
    expect(page.status).toBe(303);
    check(await lastNotification('CARD-3DS', 'capture'), 'notification-credit_card-capture.json');
    check((await api('GET', '/v2/CARD-CAP/status')).body, 'status.response.json', ['expiry_time']);
    sim.controls.settle('CARD-3DS');
    check(await lastNotification('CARD-3DS', 'settlement'), 'notification-credit_card-settlement.json', [
      'eci',
      'three_ds_version',
      'on_us',
    ]);

    sim.controls.settle('CARD-CAP');
    const refund = await api('POST', '/v2/CARD-CAP/refund', fixture('refund.request.json'));
    check(refund.body, 'refund.response.json');
    check(await lastNotification('CARD-CAP', 'partial_refund'), 'notification-refund.json', [
      'refund_method',
      'settlement_time',
    ]);
    sim.controls.advanceClock(86_400_000);
    check(await lastNotification('CARD-CAP', 'partial_refund'), 'notification-refund-bank_confirmed.json', [
      'settlement_time',
    ]);
    await api('POST', '/v2/CARD-CAP/refund', { refund_key: 'RF-2', amount: 60000 });
    check((await api('GET', '/v2/CARD-CAP/status')).body, 'status-partial_refund.response.json', [
      'currency',
      'merchant_id',
      'refund_method',
      'bank_confirmed_at',
      'settlement_time',
    ]);
  });

  it('direct refund: approved and rejected', async () => {
    await api('POST', '/v2/charge', chargeBody('GOPAY-2', 75000, { payment_type: 'gopay' }));
    sim.controls.pay('GOPAY-2');
    sim.controls.rejectNextDirectRefunds(1);
    const rejected = await api('POST', '/v2/GOPAY-2/refund/online/direct', {
      refund_key: 'D-1',
      amount: 75000,
    });
    expect(rejected.body.status_code).toBe('202');
    check(rejected.body, 'direct-refund-rejected.response.json');
    const approved = await api('POST', '/v2/GOPAY-2/refund/online/direct', {
      refund_key: 'D-2',
      amount: 75000,
    });
    expect(approved.body.transaction_status).toBe('refund');
    check(approved.body, 'direct-refund.response.json');
  });

  it('cancel, expire (407) and status of an expired transaction', async () => {
    await api(
      'POST',
      '/v2/charge',
      chargeBody('CANCEL-1', 150000, { payment_type: 'bank_transfer', bank_transfer: { bank: 'bca' } }),
    );
    check((await api('POST', '/v2/CANCEL-1/cancel')).body, 'cancel.response.json');
    await api(
      'POST',
      '/v2/charge',
      chargeBody('EXP-1', 150000, {
        payment_type: 'echannel',
        echannel: { bill_info1: 'a', bill_info2: 'b' },
      }),
    );
    const expired = await api('POST', '/v2/EXP-1/expire');
    expect(expired.status).toBe(200);
    check(expired.body, 'expire.response.json');
    const status = await api('GET', '/v2/EXP-1/status');
    expect(status.body.status_code).toBe('407');
    check(status.body, 'status-expired.response.json', ['expiry_time']);
    await api(
      'POST',
      '/v2/charge',
      chargeBody('EXP-2', 150000, { payment_type: 'bank_transfer', bank_transfer: { bank: 'bca' } }),
    );
    sim.controls.expire('EXP-2');
    check(await lastNotification('EXP-2', 'expire'), 'notification-expire.json');
  });

  it('challenge → approve / deny, authorize → capture, card cancel and deny notifications', async () => {
    const challenged = async (orderId: string): Promise<void> => {
      const token = await cardToken(sim, '4511111111111117');
      const answer = await api(
        'POST',
        '/v2/charge',
        chargeBody(orderId, 250000, { payment_type: 'credit_card', credit_card: { token_id: token } }),
      );
      expect(answer.body.fraud_status).toBe('challenge');
    };
    await challenged('CH-1');
    check(await lastNotification('CH-1', 'capture'), 'notification-credit_card-challenge.json', ['eci']);
    check((await api('POST', '/v2/CH-1/approve')).body, 'approve.response.json', ['merchant_id', 'currency']);
    await challenged('CH-2');
    check((await api('POST', '/v2/CH-2/deny')).body, 'deny.response.json', ['merchant_id', 'currency']);

    const token = await cardToken(sim, '4811111111111114');
    const auth = await api(
      'POST',
      '/v2/charge',
      chargeBody('AUTH-1', 250000, {
        payment_type: 'credit_card',
        credit_card: { token_id: token, type: 'authorize' },
      }),
    );
    expect(auth.body.transaction_status).toBe('authorize');
    const captured = await api('POST', '/v2/capture', {
      transaction_id: auth.body.transaction_id,
      gross_amount: 250000,
    });
    check(captured.body, 'capture.response.json', ['merchant_id', 'currency']);
    await api('POST', '/v2/AUTH-1/cancel');
    check(await lastNotification('AUTH-1', 'cancel'), 'notification-cancel.json', [
      'channel_response_code',
      'channel_response_message',
      'card_type',
      'eci',
    ]);

    const denyToken = await cardToken(sim, '4911111111111113');
    const denied = await api(
      'POST',
      '/v2/charge',
      chargeBody('DENY-1', 250000, { payment_type: 'credit_card', credit_card: { token_id: denyToken } }),
    );
    expect(denied.body.status_code).toBe('202');
    check(await lastNotification('DENY-1', 'deny'), 'notification-credit_card-deny.json', ['eci']);
  });
});

describe('Snap, subscriptions, invoices', () => {
  it('snap create', async () => {
    const body = fixture('snap-create.request.json') as Record<string, unknown>;
    delete body.expiry;
    const answer = await api('POST', '/transactions'.replace(/^/, '/snap/v1'), body);
    expect(answer.status).toBe(201);
    check(answer.body, 'snap-create.response.json');
  });

  it('subscription create, get after a charge, charge notifications and errors', async () => {
    const token = await cardToken(sim, '4811111111111114');
    const charged = await api(
      'POST',
      '/v2/charge',
      chargeBody('SAVE-1', 10000, {
        payment_type: 'credit_card',
        credit_card: { token_id: token, save_token_id: true },
      }),
    );
    const request = {
      ...(fixture('subscription-create.request.json') as Record<string, unknown>),
      token: charged.body.saved_token_id,
      schedule: {
        interval: 1,
        interval_unit: 'month',
        max_interval: 12,
        start_time: '2025-02-01 09:00:00 +0700',
      },
    };
    const created = await api('POST', '/v1/subscriptions', request);
    check(created.body, 'subscription-create.response.json');
    sim.controls.setNow('2025-02-01T02:00:00Z');
    await sim.controls.idle();
    const got = await api('GET', `/v1/subscriptions/${String(created.body.id)}`);
    check(got.body, 'subscription-get.response.json');
    const events = receiver.received
      .map((entry) => entry.body)
      .filter((body) => body.event_name === 'subscription.charge');
    // The sample's customer_details echo fewer fields than our request sent.
    const echoed = ['last_name', 'email', 'phone'];
    check(events.at(-1), 'notification-subscription-charge.json', echoed);

    const failing = await api('POST', '/v1/subscriptions', {
      ...request,
      token: 'unknown-token',
      retry_schedule: undefined,
      schedule: { interval: 1, interval_unit: 'month', start_time: '2025-03-01 09:00:00 +0700' },
    });
    expect(failing.status).toBe(200);
    sim.controls.setNow('2025-03-01T02:00:00Z');
    await sim.controls.idle();
    const failed = receiver.received
      .map((entry) => entry.body)
      .filter((body) => (body.subscription as { id?: string } | undefined)?.id === failing.body.id)
      .at(-1);
    check(failed, 'notification-subscription-charge-failed.json', echoed);

    check(
      (await api('POST', `/v1/subscriptions/${String(created.body.id)}/disable`)).body,
      'subscription-action.response.json',
    );
    check((await api('GET', '/v1/subscriptions/nope')).body, 'error-subscription-404.json');
    check(
      (await api('POST', '/v1/subscriptions', { ...request, amount: undefined })).body,
      'error-subscription-400.json',
    );
  });

  it('invoice create, get, pay notification, void', async () => {
    const created = await api('POST', '/v1/invoices', fixture('invoice-create.request.json'));
    expect(created.status).toBe(201);
    check(created.body, 'invoice-create.response.json');
    const id = String(created.body.id);
    check((await api('GET', `/v1/invoices/${id}`)).body, 'invoice-create.response.json');
    const link = await api('POST', '/v1/invoices', {
      ...(fixture('invoice-create-payment_link.request.json') as object),
      due_date: '2030-01-31 23:59:00 +0700',
      payment_link: { is_custom_expiry: false },
    });
    check(
      (await api('PATCH', `/v1/invoices/${String(link.body.id)}/void`)).body,
      'invoice-void.response.json',
    );
    const paid = sim.controls.payInvoice(id);
    check(await lastNotification(paid.orderId, 'settlement'), 'notification-invoice-settlement.json');
    expect((await api('GET', `/v1/invoices/${id}`)).body.status).toBe('paid');
    check(
      (await api('POST', '/v1/invoices', fixture('invoice-create.request.json'))).body,
      'error-invoice-409.json',
    );
    check((await api('GET', '/v1/invoices/nope')).body, 'error-invoice-404.json');
    check(
      (
        await api('POST', '/v1/invoices', {
          ...(fixture('invoice-create.request.json') as object),
          item_details: [],
        })
      ).body,
      'error-invoice-400.json',
    );
  });
});

describe('error shapes', () => {
  it('Core errors', async () => {
    check(
      (await api('POST', '/v2/charge', { payment_type: 'gopay', transaction_details: { order_id: 'E-1' } }))
        .body,
      'error-400-validation.json',
    );
    check(
      (await call(sim.apiUrl, 'GET', '/v2/BCA-1/status', undefined, { auth: 'SB-Mid-server-wrong' })).body,
      'error-401.json',
    );
    check((await api('GET', '/v2/nope/status')).body, 'error-404.json');
    check(
      (await api('POST', '/v2/charge', chargeBody('BCA-1', 150000, { payment_type: 'gopay' }))).body,
      'error-406-duplicate-order.json',
    );
    check(
      (await api('POST', '/v2/CARD-CAP/refund', { refund_key: 'RF-2', amount: 1 })).body,
      'error-406-duplicate-refund.json',
    );
    check(
      (
        await api(
          'POST',
          '/v2/charge',
          chargeBody('E-2', 10000, { payment_type: 'credit_card', credit_card: { token_id: 'x' } }),
        )
      ).body,
      'error-411.json',
    );
    check((await api('POST', '/v2/BCA-1/cancel')).body, 'error-412.json');
    check(
      (await api('POST', '/v2/CARD-CAP/refund', { amount: 999999999 })).body,
      'error-414-refund-amount.json',
    );
  });

  it('Snap errors', async () => {
    const bad = {
      transaction_details: { order_id: 'SN-1', gross_amount: 2 },
      item_details: [{ id: 'a', price: 1, quantity: 1, name: 'a' }],
    };
    const answer = await call(sim.apiUrl, 'POST', '/snap/v1/transactions', bad);
    expect(answer.status).toBe(400);
    check(answer.body, 'error-snap-400.json');
    const denied = await call(sim.apiUrl, 'POST', '/snap/v1/transactions', bad, { auth: null });
    expect(denied.status).toBe(401);
    check(denied.body, 'error-snap-401.json');
  });
});
