import { describe, expect, it } from 'vitest';
import {
  fromWireCapture,
  fromWireCardToken,
  fromWireCharge,
  fromWireInvoice,
  fromWireInvoiceCreate,
  fromWirePayAccount,
  fromWirePayAccountRequest,
  fromWireRefund,
  fromWireRefundResult,
  fromWireSnap,
  fromWireSnapResult,
  fromWireSubscription,
  fromWireSubscriptionCreate,
  fromWireSubscriptionNotification,
  fromWireSubscriptionUpdate,
  fromWireTransaction,
  toWireCapture,
  toWireCardToken,
  toWireCharge,
  toWireInvoice,
  toWireInvoiceCreate,
  toWirePayAccount,
  toWirePayAccountRequest,
  toWireRefund,
  toWireRefundResult,
  toWireSnap,
  toWireSnapResult,
  toWireSubscription,
  toWireSubscriptionCreate,
  toWireSubscriptionNotification,
  toWireSubscriptionUpdate,
  toWireTransaction,
} from '../../src/domain/mapping.js';
import type {
  WireCaptureRequest,
  WireCardTokenResponse,
  WireChargeRequest,
  WireInvoice,
  WireInvoiceCreateRequest,
  WirePayAccountRequest,
  WirePayAccountResponse,
  WireRefundRequest,
  WireRefundResponse,
  WireSnapRequest,
  WireSnapResponse,
  WireSubscription,
  WireSubscriptionCreateRequest,
  WireSubscriptionNotification,
  WireSubscriptionUpdateRequest,
  WireTransaction,
} from '../../src/wire-types.js';
import { fixtureNames, fixture as load } from '../support/fixtures.js';

const names = fixtureNames();

const chargeRequests = names.filter((n) => /^charge-.*\.request\.json$/.test(n));
const transactionBodies = names.filter(
  (n) =>
    (/^(charge-.*|status.*|approve|cancel|capture|deny|expire|refund|direct-refund.*)\.response\.json$/.test(
      n,
    ) ||
      /^notification-.*\.json$/.test(n)) &&
    !n.startsWith('notification-subscription'),
);

describe('request fixtures round-trip wire → camel → wire', () => {
  it('finds the fixtures', () => {
    expect(chargeRequests.length).toBeGreaterThanOrEqual(11);
    expect(transactionBodies.length).toBeGreaterThanOrEqual(40);
  });

  it.each(chargeRequests)('%s', (name) => {
    const wire = load<WireChargeRequest>(name);
    expect(toWireCharge(fromWireCharge(wire))).toStrictEqual(wire);
  });

  const cases: [string, (wire: never) => unknown][] = [
    ['snap-create.request.json', (w: WireSnapRequest) => toWireSnap(fromWireSnap(w))],
    ['capture.request.json', (w: WireCaptureRequest) => toWireCapture(fromWireCapture(w))],
    ['refund.request.json', (w: WireRefundRequest) => toWireRefund(fromWireRefund(w))],
    [
      'subscription-create.request.json',
      (w: WireSubscriptionCreateRequest) => toWireSubscriptionCreate(fromWireSubscriptionCreate(w)),
    ],
    [
      'subscription-create-gopay.request.json',
      (w: WireSubscriptionCreateRequest) => toWireSubscriptionCreate(fromWireSubscriptionCreate(w)),
    ],
    [
      'subscription-update.request.json',
      (w: WireSubscriptionUpdateRequest) => toWireSubscriptionUpdate(fromWireSubscriptionUpdate(w)),
    ],
    [
      'invoice-create.request.json',
      (w: WireInvoiceCreateRequest) => toWireInvoiceCreate(fromWireInvoiceCreate(w)),
    ],
    [
      'invoice-create-payment_link.request.json',
      (w: WireInvoiceCreateRequest) => toWireInvoiceCreate(fromWireInvoiceCreate(w)),
    ],
    [
      'pay-account-create.request.json',
      (w: WirePayAccountRequest) => toWirePayAccountRequest(fromWirePayAccountRequest(w)),
    ],
  ];
  it.each(cases)('%s', (name, roundTrip) => {
    const wire = load<never>(name);
    expect(roundTrip(wire)).toStrictEqual(wire);
  });
});

describe('request fixtures read into camelCase', () => {
  it('reads the full charge', () => {
    const charge = fromWireCharge(load('charge-full.request.json'));
    expect(charge).toMatchObject({
      paymentType: 'bank_transfer',
      orderId: 'ORDER-1001',
      grossAmount: 150000,
      paymentOptions: { bank: 'bca' },
      customFields: ['channel-web', 'campaign-jan', 'note'],
      customExpiry: { orderTime: new Date('2025-01-15T03:00:00Z'), expiryDuration: 60, unit: 'minute' },
    });
    expect(charge.itemDetails?.[0]).toStrictEqual({
      id: 'SKU-01',
      price: 50000,
      quantity: 2,
      name: 'Kopi Arabika 250g',
      brand: 'Kopi Nusantara',
      category: 'Beverages',
      merchantName: 'Toko Contoh',
      url: 'https://shop.example.com/p/sku-01',
    });
    expect(charge.customerDetails?.shippingAddress?.postalCode).toBe('10220');
  });

  it('reads Permata as bank_transfer with a recipient name', () => {
    expect(fromWireCharge(load('charge-permata.request.json'))).toMatchObject({
      paymentType: 'bank_transfer',
      paymentOptions: { bank: 'permata', permataRecipientName: 'TOKO CONTOH' },
    });
  });

  it('reads card, gopay, cstore and echannel options', () => {
    expect(fromWireCharge(load('charge-credit_card-authorize.request.json')).paymentOptions).toStrictEqual({
      tokenId: '48111111-1114-6c2d9a10-5b7e-4c1f-8d3a-2e9b0f4a7c12',
      authentication: true,
      type: 'authorize',
    });
    expect(fromWireCharge(load('charge-gopay.request.json')).paymentOptions).toStrictEqual({
      enableCallback: true,
      callbackUrl: 'myshop://payment/finish',
    });
    expect(fromWireCharge(load('charge-cstore-alfamart.request.json')).paymentOptions).toMatchObject({
      store: 'alfamart',
      alfamartFreeText3: 'as proof of payment.',
    });
    expect(fromWireCharge(load('charge-echannel.request.json')).paymentOptions).toStrictEqual({
      billInfo1: 'Payment:',
      billInfo2: 'Online purchase',
    });
  });

  it('reads subscription and invoice requests with Dates and integer amounts', () => {
    const sub = fromWireSubscriptionCreate(load('subscription-create-gopay.request.json'));
    expect(sub.amount).toBe(99000);
    expect(sub.gopayAccountId).toBe('0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e');
    expect(sub.schedule.startTime).toEqual(new Date('2025-02-01T02:00:00Z'));
    const invoice = fromWireInvoiceCreate(load('invoice-create.request.json'));
    expect(invoice.amount).toStrictEqual({ discount: 0, shipping: 10000 });
    expect(invoice.dueDate).toEqual(new Date('2025-01-31T16:59:00Z'));
    expect(invoice.customer.name).toBe('Budi Santoso');
  });
});

describe('transaction fixtures', () => {
  it.each(transactionBodies)('%s round-trips every field', (name) => {
    const wire = load<WireTransaction>(name);
    expect(toWireTransaction(fromWireTransaction(wire))).toStrictEqual(wire);
  });

  const instructionsOf = (name: string) => fromWireTransaction(load(name)).instructions;

  it('flattens BCA, BNI, BRI and CIMB VA numbers from va_numbers[0]', () => {
    expect(instructionsOf('charge-bank_transfer-bca.response.json')).toStrictEqual({
      vaNumbers: [{ bank: 'bca', vaNumber: '000000001100101' }],
      vaNumber: '000000001100101',
      bank: 'bca',
    });
    expect(instructionsOf('charge-bank_transfer-bni.response.json')).toMatchObject({
      bank: 'bni',
      vaNumber: '9880000011001002',
    });
    expect(instructionsOf('charge-bank_transfer-bri.response.json')).toMatchObject({
      bank: 'bri',
      vaNumber: '000000001100103999',
    });
    expect(instructionsOf('charge-bank_transfer-cimb.response.json')).toMatchObject({
      bank: 'cimb',
      vaNumber: '2810000011001004',
    });
  });

  it('takes the Permata VA from permata_va_number', () => {
    expect(instructionsOf('charge-permata.response.json')).toStrictEqual({
      vaNumber: '8500000011001005',
      bank: 'permata',
    });
    expect(instructionsOf('notification-permata-settlement.json').vaNumber).toBe('8500000011001005');
  });

  it('keeps the Mandiri bill key and biller code', () => {
    expect(instructionsOf('charge-echannel.response.json')).toStrictEqual({
      billKey: '990000011006',
      billerCode: '70012',
    });
    expect(instructionsOf('status-expired.response.json')).toMatchObject({ billKey: '990000011006' });
  });

  it('keeps the store payment code', () => {
    expect(instructionsOf('charge-cstore.response.json')).toStrictEqual({
      paymentCode: '551100001234',
      store: 'indomaret',
    });
    expect(instructionsOf('charge-cstore-alfamart.response.json').paymentCode).toBe('0000110000400200');
  });

  it('exposes the QR string and QR image URL of QRIS and GoPay', () => {
    const qris = instructionsOf('charge-qris.response.json');
    expect(qris.qrString).toMatch(/^00020101/);
    expect(qris.qrCodeUrl).toBe(
      'https://api.sandbox.midtrans.com/v2/qris/9c8b7a6d-2222-4b3c-9d4e-6f7a8b9c3002/qr-code',
    );
    expect(qris.actions).toHaveLength(2);
    const gopay = instructionsOf('charge-gopay.response.json');
    expect(gopay.qrCodeUrl).toBe(
      'https://api.sandbox.midtrans.com/v2/gopay/9c8b7a6d-2222-4b3c-9d4e-6f7a8b9c3001/qr-code',
    );
    expect(gopay.deeplinkUrl).toMatch(/^https:\/\/simulator\.sandbox\.midtrans\.com\/gopay\/ui\/checkout\?/);
  });

  it('exposes the ShopeePay deeplink and the redirect of 3DS cards and Akulaku', () => {
    expect(instructionsOf('charge-shopeepay.response.json').deeplinkUrl).toMatch(
      /^https:\/\/wsa\.uat\.wallet/,
    );
    expect(instructionsOf('charge-credit_card.response.json').redirectUrl).toBe(
      'https://api.sandbox.midtrans.com/v2/3ds/redirect/481111-1114-7a2b3c4d-1111-4a2b-8c3d-5e6f7a8b2001',
    );
    expect(instructionsOf('charge-akulaku.response.json').redirectUrl).toMatch(/\/v2\/akulaku\/redirect\//);
  });

  it('parses amounts exactly and times as GMT+7', () => {
    const tx = fromWireTransaction(load('status-partial_refund.response.json'));
    expect(tx.grossAmount).toBe(250000);
    expect(tx.refundAmount).toBe(100000);
    expect(tx.transactionTime).toEqual(new Date('2025-01-15T04:05:00Z'));
    expect(tx.refunds?.map((r) => r.amount)).toStrictEqual([40000, 60000]);
    expect(tx.refunds?.[0]?.bankConfirmedAt).toEqual(new Date('2025-01-20T19:30:00Z'));
    expect(tx.card).toStrictEqual({ maskedCard: '48111111-1114', cardType: 'credit', bank: 'bni' });
    expect(tx.customFields).toStrictEqual([]);
  });

  it('groups card, wallet and invoice details', () => {
    const card = fromWireTransaction(load('charge-credit_card-capture.response.json'));
    expect(card.card?.savedTokenId).toBe('48111111kZq9XbYc0pLmNoPqRsTu1114');
    expect(card.card?.savedTokenIdExpiredAt).toEqual(new Date('2030-12-31T00:00:00Z'));
    expect(card.approvalCode).toBe('1736913900123');
    const qris = fromWireTransaction(load('charge-qris.response.json'));
    expect(qris.wallet).toStrictEqual({ acquirer: 'gopay', expireTime: new Date('2025-01-15T05:20:00Z') });
    const invoicePaid = fromWireTransaction(load('notification-invoice-settlement.json'));
    expect(invoicePaid.metadata).toStrictEqual({ midtrans_invoice_id: '65e7e8e657389830d0480001' });
    expect(invoicePaid.settlementTime).toEqual(new Date('2025-01-15T08:05:10Z'));
    const bni = fromWireTransaction(load('notification-bni-settlement.json'));
    expect(bni.paymentAmounts).toStrictEqual([{ paidAt: new Date('2025-01-15T03:20:01Z'), amount: 150000 }]);
  });

  it('reads refund results with this refund amount', () => {
    for (const name of [
      'refund.response.json',
      'direct-refund.response.json',
      'direct-refund-rejected.response.json',
    ]) {
      const wire = load<WireRefundResponse>(name);
      const result = fromWireRefundResult(wire);
      expect(result.refundKey).toBe(wire.refund_key);
      expect(toWireRefundResult(result)).toStrictEqual(wire);
    }
    expect(fromWireRefundResult(load('refund.response.json')).refundAmount).toBe(40000);
    expect(fromWireRefundResult(load('direct-refund-rejected.response.json')).refundAmount).toBe(0);
  });
});

describe('other response fixtures', () => {
  it('reads Snap, token and pay-account responses and writes them back', () => {
    const snap = load<WireSnapResponse>('snap-create.response.json');
    expect(fromWireSnapResult(snap).redirectUrl).toMatch(/\/snap\/v2\/vtweb\//);
    expect(toWireSnapResult(fromWireSnapResult(snap))).toStrictEqual(snap);
    const token = load<WireCardTokenResponse>('token.response.json');
    expect(fromWireCardToken(token).tokenId).toBe('48111111-1114-6c2d9a10-5b7e-4c1f-8d3a-2e9b0f4a7c11');
    expect(toWireCardToken(fromWireCardToken(token))).toStrictEqual(token);
    for (const name of ['pay-account-create.response.json', 'pay-account-get.response.json']) {
      const wire = load<WirePayAccountResponse>(name);
      expect(toWirePayAccount(fromWirePayAccount(wire))).toStrictEqual(wire);
    }
    const linked = fromWirePayAccount(load('pay-account-get.response.json'));
    expect(linked.accountStatus).toBe('ENABLED');
    expect(linked.paymentOptions?.[0]?.balance).toStrictEqual({ value: 1000000, currency: 'IDR' });
  });

  it('reads invoices; gross_amount is an integer', () => {
    const wire = load<WireInvoice>('invoice-create.response.json');
    const invoice = fromWireInvoice(wire);
    expect(invoice.grossAmount).toBe(110000);
    expect(invoice.paymentLinkUrl).toBeNull();
    expect(invoice.virtualAccounts).toStrictEqual([{ bank: 'bca_va', number: '000000001900101' }]);
    expect(invoice.publishedDate).toEqual(new Date('2025-01-15T02:00:05Z'));
    expect(toWireInvoice(invoice)).toStrictEqual(wire);
  });

  // Subscription times lose sub-millisecond digits and the `Z` spelling, so compare them as instants.
  const sameInstants = (a: WireSubscription, b: WireSubscription) => {
    expect(fromWireSubscription(a)).toStrictEqual(fromWireSubscription(b));
  };

  it('reads subscriptions with integer amounts and ISO-like times', () => {
    for (const name of ['subscription-create.response.json', 'subscription-get.response.json']) {
      const wire = load<WireSubscription>(name);
      const sub = fromWireSubscription(wire);
      expect(sub.amount).toBe(99000);
      expect(sub.createdAt).toEqual(new Date('2025-01-15T02:00:00.123Z'));
      const back = toWireSubscription(sub);
      expect(back.created_at).toBe('2025-01-15T09:00:00.123000');
      expect({ ...back, created_at: wire.created_at }).toStrictEqual(wire);
      sameInstants(back, wire);
    }
    expect(fromWireSubscription(load('subscription-get.response.json')).schedule.currentInterval).toBe(1);
  });

  it('reads recurring notifications (UTC times)', () => {
    for (const name of [
      'notification-subscription-charge.json',
      'notification-subscription-charge-failed.json',
    ]) {
      const wire = load<WireSubscriptionNotification>(name);
      const note = fromWireSubscriptionNotification(wire);
      expect(note.subscription.schedule.startTime).toEqual(new Date('2025-02-01T09:00:00Z'));
      const back = toWireSubscriptionNotification(note);
      expect(back.subscription.schedule.start_time).toBe('2025-02-01T16:00:00.000000');
      expect(fromWireSubscriptionNotification(back)).toStrictEqual(note);
      expect({ ...back, subscription: wire.subscription }).toStrictEqual(wire);
      sameInstants(back.subscription, wire.subscription);
    }
    const failed = fromWireSubscriptionNotification(load('notification-subscription-charge-failed.json'));
    expect(failed.transaction).toStrictEqual({
      statusCode: '411',
      statusMessage: 'Token id is missing, invalid, or timed out',
    });
    expect(failed.subscription.status).toBe('inactive');
  });
});
