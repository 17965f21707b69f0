import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromWireInvoice,
  fromWirePayAccount,
  fromWireSubscription,
  fromWireTransaction,
  toWireInvoice,
  toWirePayAccount,
  toWireSubscription,
  toWireTransaction,
} from '../../src/domain/mapping.js';
import type {
  JsonObject,
  MidtransInvoice,
  MidtransSubscription,
  PayAccount,
  PaymentAction,
  PaymentInstructions,
  Transaction,
} from '../../src/domain/types.js';

function rec<T, K extends keyof T>(model: { [P in keyof T]: fc.Arbitrary<T[P]> }, requiredKeys: K[] = []) {
  return fc.record(model, { requiredKeys, noNullPrototype: true });
}

const text = fc.string({ maxLength: 12 });
const idr = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const count = fc.integer({ min: 0, max: 1000 });
const seconds = fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 });
// Core API payload times have whole seconds; Subscriptions keep milliseconds.
const when = seconds.map((s) => new Date(s * 1000));
const whenMs = fc.tuple(seconds, fc.integer({ min: 0, max: 999 })).map(([s, ms]) => new Date(s * 1000 + ms));
const metadata = fc
  .dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 3,
    noNullPrototype: true,
  })
  .map((value) => value as JsonObject);
const nonEmpty = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc.option(
    arb.filter((value) => Object.keys(value).length > 0),
    { nil: undefined },
  );

const action = rec(
  {
    name: fc.constantFrom('generate-qr-code', 'deeplink-redirect', 'get-status', 'cancel'),
    method: text,
    url: text,
  },
  ['name', 'method', 'url'],
);
const vaNumber = rec({ bank: text, vaNumber: text }, ['bank', 'vaNumber']);

// Instructions as fromWireTransaction derives them: each kind is internally consistent.
const withActions = (actions: PaymentAction[], qrString: string | undefined): PaymentInstructions => {
  const urlOf = (name: string) => actions.find((a) => a.name === name)?.url;
  const out: PaymentInstructions = { actions };
  if (qrString !== undefined) out.qrString = qrString;
  const qr = urlOf('generate-qr-code');
  const deeplink = urlOf('deeplink-redirect');
  if (qr !== undefined) out.qrCodeUrl = qr;
  if (deeplink !== undefined) out.deeplinkUrl = deeplink;
  return out;
};
const instructions: fc.Arbitrary<PaymentInstructions> = fc.oneof(
  fc.constant({}),
  fc.array(vaNumber, { maxLength: 2 }).map((list) => {
    const first = list[0];
    return first === undefined
      ? { vaNumbers: list }
      : { vaNumbers: list, vaNumber: first.vaNumber, bank: first.bank };
  }),
  text.map((va) => ({ vaNumber: va, bank: 'permata' })),
  rec({ billKey: text, billerCode: text }),
  rec({ paymentCode: text, store: text }),
  fc
    .tuple(fc.array(action, { maxLength: 3 }), fc.option(text, { nil: undefined }))
    .map(([a, q]) => withActions(a, q)),
  rec({ redirectUrl: text }, ['redirectUrl']),
);

const transaction: fc.Arbitrary<Transaction> = rec(
  {
    statusCode: fc.constantFrom('200', '201', '202', '407'),
    statusMessage: text,
    transactionId: text,
    orderId: text,
    merchantId: text,
    grossAmount: idr,
    currency: fc.constant('IDR'),
    paymentType: text,
    transactionTime: when,
    transactionStatus: text,
    fraudStatus: text,
    expiryTime: when,
    settlementTime: when,
    signatureKey: text,
    instructions,
    paymentAmounts: fc.array(rec({ paidAt: when, amount: idr }, ['paidAt', 'amount']), { maxLength: 2 }),
    card: nonEmpty(
      rec({
        maskedCard: text,
        cardType: text,
        bank: text,
        eci: text,
        threeDsVersion: text,
        onUs: fc.boolean(),
        savedTokenId: text,
        savedTokenIdExpiredAt: when,
      }),
    ),
    wallet: nonEmpty(
      rec({
        acquirer: text,
        issuer: text,
        transactionType: text,
        merchantCrossReferenceId: text,
        shopeepayReferenceNumber: text,
        referenceId: text,
        paymentOptionType: text,
        expireTime: when,
      }),
    ),
    approvalCode: text,
    channelResponseCode: text,
    channelResponseMessage: text,
    customFields: fc.array(text, { maxLength: 3 }),
    metadata,
    refundAmount: idr,
    refunds: fc.array(
      rec(
        {
          refundChargebackId: count,
          amount: idr,
          createdAt: when,
          reason: text,
          refundKey: text,
          refundMethod: fc.constantFrom('online', 'offline' as const),
          bankConfirmedAt: when,
        },
        ['refundChargebackId', 'amount', 'createdAt'],
      ),
      { maxLength: 2 },
    ),
    refundChargebackId: count,
    refundKey: text,
  },
  [
    'statusCode',
    'transactionId',
    'orderId',
    'grossAmount',
    'paymentType',
    'transactionStatus',
    'instructions',
    'customFields',
  ],
).map((tx) => {
  // fc.option yields an explicit undefined; the mappers never write such a key.
  const out = { ...tx };
  if (out.card === undefined) delete out.card;
  if (out.wallet === undefined) delete out.wallet;
  return out;
});

const retrySchedule = rec(
  { interval: count, intervalUnit: fc.constantFrom('minute', 'hour', 'day' as const), maxInterval: count },
  ['interval', 'intervalUnit', 'maxInterval'],
);
const subscription: fc.Arbitrary<MidtransSubscription> = rec(
  {
    id: text,
    name: text,
    amount: idr.filter((n) => n > 0),
    currency: fc.constant('IDR'),
    createdAt: whenMs,
    schedule: rec(
      {
        interval: count,
        intervalUnit: fc.constantFrom('day', 'week', 'month' as const),
        maxInterval: fc.option(count, { nil: null }),
        currentInterval: count,
        startTime: whenMs,
        previousExecutionAt: whenMs,
        nextExecutionAt: whenMs,
      },
      ['interval', 'intervalUnit'],
    ),
    retrySchedule,
    status: fc.constantFrom('active', 'inactive' as const),
    token: text,
    paymentType: fc.constantFrom('credit_card', 'gopay' as const),
    transactionIds: fc.array(text, { maxLength: 2 }),
    metadata,
    customerDetails: rec({ firstName: text, lastName: text, email: text, phone: text }),
    gopayAccountId: text,
    merchantId: text,
  },
  ['id', 'name', 'amount', 'currency', 'schedule', 'status', 'token', 'paymentType'],
);

const invoice: fc.Arbitrary<MidtransInvoice> = rec(
  {
    id: text,
    orderId: text,
    invoiceNumber: text,
    status: fc.constantFrom('draft', 'pending', 'paid', 'expired', 'overdue', 'voided' as const),
    grossAmount: idr,
    dueDate: when,
    invoiceDate: when,
    publishedDate: when,
    invoiceTitle: text,
    invoicePaidTitle: text,
    reference: text,
    customer: rec({ id: text, name: text, email: text, phone: text }, ['name', 'email']),
    items: fc.array(
      rec({ itemId: text, description: text, quantity: count.map((n) => n + 1), price: idr }, [
        'description',
        'quantity',
        'price',
      ]),
      { minLength: 1, maxLength: 3 },
    ),
    notes: text,
    paymentType: fc.constantFrom('payment_link', 'virtual_account' as const),
    pdfUrl: text,
    paymentLinkUrl: fc.option(text, { nil: null }),
    virtualAccounts: fc.array(rec({ bank: text, number: text }, ['bank', 'number']), { maxLength: 2 }),
  },
  [
    'id',
    'orderId',
    'invoiceNumber',
    'status',
    'grossAmount',
    'dueDate',
    'invoiceDate',
    'customer',
    'items',
    'paymentType',
  ],
);

const payAccount: fc.Arbitrary<PayAccount> = rec(
  {
    statusCode: fc.constantFrom('200', '201', '202'),
    paymentType: fc.constant('gopay'),
    accountId: text,
    accountStatus: fc.constantFrom('PENDING', 'EXPIRED', 'ENABLED', 'DISABLED' as const),
    actions: fc.array(action, { maxLength: 2 }),
    paymentOptions: fc.array(
      rec(
        {
          name: text,
          active: fc.boolean(),
          balance: rec({ value: idr, currency: fc.constant('IDR') }, ['value', 'currency']),
          metadata,
          token: text,
        },
        ['name', 'active', 'token'],
      ),
      { maxLength: 2 },
    ),
    channelResponseCode: text,
    channelResponseMessage: text,
  },
  ['statusCode', 'paymentType'],
);

describe('responses round-trip camel → wire → camel unchanged', () => {
  it('Transaction', () => {
    fc.assert(
      fc.property(transaction, (tx) => {
        expect(fromWireTransaction(toWireTransaction(tx))).toStrictEqual(tx);
      }),
    );
  });

  it('Subscription, Invoice and PayAccount', () => {
    fc.assert(
      fc.property(subscription, (sub) => {
        expect(fromWireSubscription(toWireSubscription(sub))).toStrictEqual(sub);
      }),
    );
    fc.assert(
      fc.property(invoice, (inv) => {
        expect(fromWireInvoice(toWireInvoice(inv))).toStrictEqual(inv);
      }),
    );
    fc.assert(
      fc.property(payAccount, (account) => {
        expect(fromWirePayAccount(toWirePayAccount(account))).toStrictEqual(account);
      }),
    );
  });
});

describe('amounts never lose a Rupiah', () => {
  it('reads "N.00" and "N" exactly for any safe integer and writes "N.00"', () => {
    fc.assert(
      fc.property(idr, (n) => {
        const digits = BigInt(n).toString();
        const wire = {
          status_code: '200',
          transaction_id: 't',
          order_id: 'o',
          gross_amount: `${digits}.00`,
          payment_type: 'gopay',
          transaction_status: 'settlement',
          refund_amount: digits,
        };
        const tx = fromWireTransaction(wire);
        expect(tx.grossAmount).toBe(n);
        expect(tx.refundAmount).toBe(n);
        expect(toWireTransaction(tx).gross_amount).toBe(`${digits}.00`);
      }),
    );
  });
});
