import { describe, expect, it } from 'vitest';
import {
  fromWireCapture,
  fromWireCharge,
  fromWireInvoice,
  fromWirePayAccount,
  fromWireRefund,
  fromWireSnap,
  fromWireSubscription,
  fromWireSubscriptionCreate,
  fromWireSubscriptionNotification,
  fromWireSubscriptionUpdate,
  fromWireTransaction,
  instructionsToWire,
  toWireCapture,
  toWireCharge,
  toWireInvoiceCreate,
  toWireRefund,
  toWireSnap,
  toWireSubscriptionCreate,
  toWireTransaction,
} from '../../src/domain/mapping.js';
import type { Transaction } from '../../src/domain/types.js';
import { ValidationError } from '../../src/errors.js';
import type { WireChargeRequest, WireTransaction } from '../../src/wire-types.js';

/** Run `fn`, expect a ValidationError, return the field it names. */
function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues[0]?.field;
  }
  throw new Error('expected a ValidationError');
}

const charge = (extra: Record<string, unknown> = {}) =>
  ({
    payment_type: 'akulaku',
    transaction_details: { order_id: 'ORDER-1', gross_amount: 10000 },
    ...extra,
  }) as unknown as WireChargeRequest;

const tx = (extra: Record<string, unknown> = {}) =>
  ({
    status_code: '200',
    transaction_id: 't-1',
    order_id: 'ORDER-1',
    gross_amount: '10000.00',
    payment_type: 'gopay',
    transaction_status: 'settlement',
    ...extra,
  }) as WireTransaction;

describe('bad wire amounts name the wire field', () => {
  it.each(['10000.50', 'abc', '-5', '1e5', ''])('gross_amount %j', (value) => {
    expect(fieldOf(() => fromWireTransaction(tx({ gross_amount: value })))).toBe('gross_amount');
  });

  it('in nested and request positions', () => {
    expect(fieldOf(() => fromWireTransaction(tx({ refund_amount: '1.5' })))).toBe('refund_amount');
    expect(
      fieldOf(() =>
        fromWireTransaction(
          tx({
            refunds: [{ refund_chargeback_id: 1, refund_amount: 'abc', created_at: '2025-01-15 10:00:00' }],
          }),
        ),
      ),
    ).toBe('refunds.0.refund_amount');
    expect(
      fieldOf(() =>
        fromWireCharge(charge({ transaction_details: { order_id: 'O', gross_amount: 10000.5 } })),
      ),
    ).toBe('transaction_details.gross_amount');
    expect(
      fieldOf(() => fromWireCharge(charge({ transaction_details: { order_id: 'O', gross_amount: 0 } }))),
    ).toBe('transaction_details.gross_amount');
    expect(
      fieldOf(() =>
        fromWireCharge(
          charge({
            item_details: [
              { price: 1, quantity: 1, name: 'a' },
              { price: '2.5', quantity: 1, name: 'b' },
            ],
          }),
        ),
      ),
    ).toBe('item_details.1.price');
    expect(fieldOf(() => fromWireCapture({ transaction_id: 't', gross_amount: 0 }))).toBe('gross_amount');
    expect(fieldOf(() => fromWireRefund({ amount: -1 }))).toBe('amount');
  });
});

describe('missing or mistyped wire fields name the wire field', () => {
  it.each([
    'status_code',
    'transaction_id',
    'order_id',
    'gross_amount',
    'payment_type',
    'transaction_status',
  ])('transaction without %s', (key) => {
    const wire = tx();
    delete wire[key];
    expect(fieldOf(() => fromWireTransaction(wire))).toBe(key);
  });

  it('rejects wrong JSON types', () => {
    expect(fieldOf(() => fromWireTransaction(null as unknown as WireTransaction))).toBe('body');
    expect(fieldOf(() => fromWireTransaction(tx({ order_id: 42 })))).toBe('order_id');
    expect(fieldOf(() => fromWireTransaction(tx({ on_us: 'no' })))).toBe('on_us');
    expect(fieldOf(() => fromWireTransaction(tx({ refund_chargeback_id: 1.5 })))).toBe(
      'refund_chargeback_id',
    );
    expect(fieldOf(() => fromWireTransaction(tx({ va_numbers: {} })))).toBe('va_numbers');
    expect(fieldOf(() => fromWireTransaction(tx({ va_numbers: [{ bank: 'bca' }] })))).toBe(
      'va_numbers.0.va_number',
    );
    expect(fieldOf(() => fromWireTransaction(tx({ metadata: [] })))).toBe('metadata');
    expect(fieldOf(() => fromWireTransaction(tx({ transaction_time: '15/01/2025' })))).toBe(
      'transaction_time',
    );
    expect(fieldOf(() => fromWireTransaction(tx({ actions: [{ name: 'x', method: 'GET' }] })))).toBe(
      'actions.0.url',
    );
  });

  it('checks request bodies', () => {
    expect(fieldOf(() => fromWireCharge(charge({ transaction_details: undefined })))).toBe(
      'transaction_details',
    );
    expect(fieldOf(() => fromWireCharge(charge({ payment_type: 'dana' })))).toBe('payment_type');
    expect(fieldOf(() => fromWireCharge(charge({ payment_type: 'bank_transfer' })))).toBe('bank_transfer');
    expect(
      fieldOf(() =>
        fromWireCharge(charge({ payment_type: 'bank_transfer', bank_transfer: { bank: 'mandiri' } })),
      ),
    ).toBe('bank_transfer.bank');
    expect(
      fieldOf(() => fromWireCharge(charge({ payment_type: 'echannel', echannel: { bill_info1: 'a' } }))),
    ).toBe('echannel.bill_info2');
    expect(
      fieldOf(() => fromWireCharge(charge({ custom_expiry: { expiry_duration: 5, unit: 'week' } }))),
    ).toBe('custom_expiry.unit');
    expect(fieldOf(() => fromWireCharge(charge({ custom_field2: 7 })))).toBe('custom_field2');
    expect(fieldOf(() => fromWireSnap(charge({ credit_card: { secure: 'yes' } }) as never))).toBe(
      'credit_card.secure',
    );
    expect(fieldOf(() => fromWirePayAccount({ status_code: '200' } as never))).toBe('payment_type');
  });

  it('checks subscriptions and invoices', () => {
    const create = {
      name: 'P',
      amount: '99000',
      currency: 'IDR',
      payment_type: 'gopay',
      token: 't',
      schedule: { interval: 1, interval_unit: 'month' },
    };
    expect(fromWireSubscriptionCreate(create as never).amount).toBe(99000);
    expect(fieldOf(() => fromWireSubscriptionCreate({ ...create, currency: 'USD' } as never))).toBe(
      'currency',
    );
    expect(fieldOf(() => fromWireSubscriptionCreate({ ...create, amount: '99000.5' } as never))).toBe(
      'amount',
    );
    expect(fieldOf(() => fromWireSubscriptionUpdate({ currency: 'USD' } as never))).toBe('currency');
    expect(fieldOf(() => fromWireSubscription({ ...create, id: 'x', status: 'paused' } as never))).toBe(
      'status',
    );
    expect(
      fieldOf(() => fromWireSubscriptionNotification({ subscription: { ...create, id: 'x' } } as never)),
    ).toBe('subscription.status');
    expect(fieldOf(() => fromWireSubscriptionNotification({} as never))).toBe('subscription');
    expect(fieldOf(() => fromWireInvoice({ id: 'x' } as never))).toBe('order_id');
  });
});

describe('camelCase inputs are checked with camelCase field names', () => {
  it('rejects bad amounts', () => {
    const base = { paymentType: 'akulaku', orderId: 'O-1' } as const;
    expect(fieldOf(() => toWireCharge({ ...base, grossAmount: 10000.5 }))).toBe('grossAmount');
    expect(fieldOf(() => toWireCharge({ ...base, grossAmount: 0 }))).toBe('grossAmount');
    expect(
      fieldOf(() =>
        toWireCharge({
          ...base,
          grossAmount: 3,
          itemDetails: [
            { price: 1, quantity: 1, name: 'a' },
            { price: -2, quantity: 1, name: 'b' },
          ],
        }),
      ),
    ).toBe('itemDetails.1.price');
    expect(fieldOf(() => toWireSnap({ orderId: 'O', grossAmount: Number.MAX_SAFE_INTEGER + 2 }))).toBe(
      'grossAmount',
    );
    expect(fieldOf(() => toWireCapture({ transactionId: 't', grossAmount: 0.5 }))).toBe('grossAmount');
    expect(fieldOf(() => toWireRefund({ amount: Number.NaN }))).toBe('amount');
    expect(
      fieldOf(() =>
        toWireSubscriptionCreate({
          name: 'P',
          amount: 0,
          paymentType: 'gopay',
          token: 't',
          schedule: { interval: 1, intervalUnit: 'month' },
        }),
      ),
    ).toBe('amount');
  });

  it('allows at most three custom fields', () => {
    expect(
      fieldOf(() =>
        toWireCharge({
          paymentType: 'kredivo',
          orderId: 'O',
          grossAmount: 1,
          customFields: ['a', 'b', 'c', 'd'],
        }),
      ),
    ).toBe('customFields');
  });

  it('rejects invalid Dates', () => {
    const invalid = new Date(Number.NaN);
    expect(
      fieldOf(() =>
        toWireCharge({
          paymentType: 'gopay',
          orderId: 'O',
          grossAmount: 1,
          customExpiry: { orderTime: invalid, expiryDuration: 5, unit: 'minute' },
        }),
      ),
    ).toBe('customExpiry.orderTime');
    expect(
      fieldOf(() =>
        toWireInvoiceCreate({
          orderId: 'O',
          invoiceNumber: 'I',
          dueDate: invalid,
          invoiceDate: new Date(),
          customer: { name: 'n', email: 'e' },
          items: [{ description: 'd', quantity: 1, price: 1 }],
          paymentType: 'payment_link',
        }),
      ),
    ).toBe('dueDate');
  });
});

describe('lenient reading', () => {
  it('ignores unknown fields and empty optional times', () => {
    const read = fromWireTransaction(tx({ brand_new_field: { x: 1 }, settlement_time: '' }));
    expect(read).not.toHaveProperty('brandNewField');
    expect(read.settlementTime).toBeUndefined();
    expect(fromWireCharge(charge({ surprise: true }))).toStrictEqual({
      paymentType: 'akulaku',
      orderId: 'ORDER-1',
      grossAmount: 10000,
    });
  });

  it('fills a custom-field gap with an empty string', () => {
    expect(fromWireTransaction(tx({ custom_field2: 'b' })).customFields).toStrictEqual(['', 'b']);
  });
});

describe('instructions written for the simulator', () => {
  const base: Transaction = {
    statusCode: '201',
    transactionId: 't',
    orderId: 'O',
    grossAmount: 1,
    paymentType: 'bank_transfer',
    transactionStatus: 'pending',
    instructions: {},
    customFields: [],
  };

  it('builds va_numbers from a bare VA number and bank', () => {
    expect(instructionsToWire({ vaNumber: '123', bank: 'bni' })).toStrictEqual({
      va_numbers: [{ bank: 'bni', va_number: '123' }],
    });
    expect(instructionsToWire({ vaNumber: '123' })).toStrictEqual({});
  });

  it('builds actions from QR and deeplink URLs', () => {
    const wire = toWireTransaction({
      ...base,
      instructions: { qrCodeUrl: 'https://q', deeplinkUrl: 'https://d' },
    });
    expect(wire.actions).toStrictEqual([
      { name: 'generate-qr-code', method: 'GET', url: 'https://q' },
      { name: 'deeplink-redirect', method: 'GET', url: 'https://d' },
    ]);
    expect(fromWireTransaction(wire).instructions).toMatchObject({
      qrCodeUrl: 'https://q',
      deeplinkUrl: 'https://d',
    });
    expect(toWireTransaction({ ...base, instructions: { deeplinkUrl: 'https://d' } }).actions).toHaveLength(
      1,
    );
  });

  it('names camelCase fields when writing bad values', () => {
    expect(fieldOf(() => toWireTransaction({ ...base, grossAmount: 1.5 }))).toBe('grossAmount');
    expect(fieldOf(() => toWireTransaction({ ...base, transactionTime: new Date('x') }))).toBe(
      'transactionTime',
    );
  });
});
