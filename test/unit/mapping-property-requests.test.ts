import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromWireCharge,
  fromWireInvoiceCreate,
  fromWireSnap,
  fromWireSubscriptionCreate,
  fromWireSubscriptionUpdate,
  toWireCharge,
  toWireInvoiceCreate,
  toWireSnap,
  toWireSubscriptionCreate,
  toWireSubscriptionUpdate,
} from '../../src/domain/mapping.js';
import type {
  ChargePayment,
  ChargeRequest,
  InvoiceCreateRequest,
  JsonObject,
  SnapRequest,
  SubscriptionCreateRequest,
  SubscriptionUpdateRequest,
} from '../../src/domain/types.js';

// Plain-prototype records only: the mappers build object literals, and toStrictEqual compares prototypes.
function rec<T, K extends keyof T>(model: { [P in keyof T]: fc.Arbitrary<T[P]> }, requiredKeys: K[] = []) {
  return fc.record(model, { requiredKeys, noNullPrototype: true });
}

const text = fc.string({ maxLength: 12 });
const amount = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
const price = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const count = fc.integer({ min: 1, max: 1000 });
// Midtrans request times have whole seconds.
const when = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 })
  .map((seconds) => new Date(seconds * 1000));
const metadata = fc
  .dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 3,
    noNullPrototype: true,
  })
  .map((value) => value as JsonObject);
// An empty list sends nothing and reads back as absent, so the canonical form has one to three.
const customFields = fc.array(text, { minLength: 1, maxLength: 3 });

const address = rec({
  firstName: text,
  lastName: text,
  email: text,
  phone: text,
  address: text,
  city: text,
  postalCode: text,
  countryCode: fc.constant('IDN'),
});
const customer = rec({
  firstName: text,
  lastName: text,
  email: text,
  phone: text,
  billingAddress: address,
  shippingAddress: address,
});
const item = rec(
  {
    id: text,
    price,
    quantity: count,
    name: text,
    brand: text,
    category: text,
    merchantName: text,
    url: text,
  },
  ['price', 'quantity', 'name'],
);
const common = rec(
  {
    orderId: text,
    grossAmount: amount,
    itemDetails: fc.array(item, { maxLength: 3 }),
    customerDetails: customer,
    customFields,
    metadata,
  },
  ['orderId', 'grossAmount'],
);

const freeText = fc.array(rec({ en: text, id: text }, ['en', 'id']), { maxLength: 2 });
const payment: fc.Arbitrary<ChargePayment> = fc.oneof(
  rec(
    {
      paymentType: fc.constant('bank_transfer' as const),
      paymentOptions: rec(
        {
          bank: fc.constantFrom('bca', 'bni', 'bri', 'cimb', 'permata' as const),
          vaNumber: text,
          freeText: rec({ inquiry: freeText, payment: freeText }),
          bcaSubCompanyCode: text,
          permataRecipientName: text,
        },
        ['bank'],
      ),
    },
    ['paymentType', 'paymentOptions'],
  ),
  rec(
    {
      paymentType: fc.constant('echannel' as const),
      paymentOptions: rec(
        {
          billInfo1: text,
          billInfo2: text,
          billInfo3: text,
          billInfo4: text,
          billInfo5: text,
          billInfo6: text,
          billInfo7: text,
          billInfo8: text,
          billKey: text,
        },
        ['billInfo1', 'billInfo2'],
      ),
    },
    ['paymentType', 'paymentOptions'],
  ),
  rec(
    {
      paymentType: fc.constant('credit_card' as const),
      paymentOptions: rec(
        {
          tokenId: text,
          authentication: fc.boolean(),
          saveTokenId: fc.boolean(),
          type: fc.constant('authorize' as const),
          bank: text,
          installmentTerm: fc.integer({ min: 0, max: 36 }),
          bins: fc.array(text, { maxLength: 3 }),
          callbackType: fc.constantFrom('js_event', 'form' as const),
          channel: text,
        },
        ['tokenId'],
      ),
    },
    ['paymentType', 'paymentOptions'],
  ),
  rec(
    {
      paymentType: fc.constant('gopay' as const),
      paymentOptions: rec({
        enableCallback: fc.boolean(),
        callbackUrl: text,
        accountId: text,
        paymentOptionToken: text,
        preAuth: fc.boolean(),
        recurring: fc.boolean(),
      }),
    },
    ['paymentType'],
  ),
  rec({ paymentType: fc.constant('shopeepay' as const), paymentOptions: rec({ callbackUrl: text }) }, [
    'paymentType',
  ]),
  rec(
    {
      paymentType: fc.constant('qris' as const),
      paymentOptions: rec({ acquirer: fc.constantFrom('gopay', 'airpay shopee' as const) }),
    },
    ['paymentType'],
  ),
  rec(
    {
      paymentType: fc.constant('cstore' as const),
      paymentOptions: rec(
        {
          store: fc.constantFrom('indomaret', 'alfamart' as const),
          message: text,
          alfamartFreeText1: text,
          alfamartFreeText2: text,
          alfamartFreeText3: text,
        },
        ['store'],
      ),
    },
    ['paymentType', 'paymentOptions'],
  ),
  rec({ paymentType: fc.constantFrom('akulaku', 'kredivo' as const) }, ['paymentType']),
);
const customExpiry = rec(
  {
    orderTime: when,
    expiryDuration: fc.integer({ min: 1, max: 10_000 }),
    unit: fc.constantFrom('second', 'minute', 'hour', 'day' as const),
  },
  ['expiryDuration', 'unit'],
);

const charge: fc.Arbitrary<ChargeRequest> = fc
  .tuple(common, payment, fc.option(customExpiry, { nil: undefined }))
  .map(([base, method, expiry]) =>
    expiry === undefined ? { ...base, ...method } : { ...base, ...method, customExpiry: expiry },
  );

const snap: fc.Arbitrary<SnapRequest> = fc
  .tuple(
    common,
    rec({
      enabledPayments: fc.array(text, { maxLength: 4 }),
      creditCard: rec({
        secure: fc.boolean(),
        bank: text,
        channel: text,
        type: fc.constant('authorize' as const),
        installment: rec({
          required: fc.boolean(),
          terms: fc.dictionary(
            fc.constantFrom('bni', 'mandiri', 'bca'),
            fc.array(fc.integer({ min: 1, max: 36 })),
            {
              noNullPrototype: true,
            },
          ),
        }),
        whitelistBins: fc.array(text, { maxLength: 3 }),
        saveCard: fc.boolean(),
      }),
      bcaVa: rec({ vaNumber: text, subCompanyCode: text, freeText: metadata }),
      bniVa: rec({ vaNumber: text }),
      briVa: rec({ vaNumber: text }),
      cimbVa: rec({ vaNumber: text }),
      permataVa: rec({ vaNumber: text, recipientName: text }),
      gopay: rec({ enableCallback: fc.boolean(), callbackUrl: text }),
      shopeepay: rec({ callbackUrl: text }),
      callbacks: rec({ finish: text }),
      expiry: rec({ startTime: when, unit: text, duration: count }, ['unit', 'duration']),
      userId: text,
    }),
  )
  .map(([base, extra]) => ({ ...base, ...extra }));

const subscriber = rec({ firstName: text, lastName: text, email: text, phone: text });
const retrySchedule = rec(
  {
    interval: count,
    intervalUnit: fc.constantFrom('minute', 'hour', 'day' as const),
    maxInterval: fc.integer({ min: 0, max: 3 }),
  },
  ['interval', 'intervalUnit', 'maxInterval'],
);
const subscriptionCreate: fc.Arbitrary<SubscriptionCreateRequest> = rec(
  {
    name: text,
    amount,
    paymentType: fc.constantFrom('credit_card', 'gopay' as const),
    token: text,
    schedule: rec(
      {
        interval: count,
        intervalUnit: fc.constantFrom('day', 'week', 'month' as const),
        maxInterval: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        startTime: when,
      },
      ['interval', 'intervalUnit'],
    ),
    retrySchedule,
    metadata,
    customerDetails: subscriber,
    gopayAccountId: text,
  },
  ['name', 'amount', 'paymentType', 'token', 'schedule'],
);
const subscriptionUpdate: fc.Arbitrary<SubscriptionUpdateRequest> = rec({
  name: text,
  amount,
  token: text,
  schedule: rec({ interval: count, startTime: when }),
  retrySchedule,
  gopayAccountId: text,
});

const invoice: fc.Arbitrary<InvoiceCreateRequest> = rec(
  {
    orderId: text,
    invoiceNumber: text,
    dueDate: when,
    invoiceDate: when,
    invoiceTitle: text,
    invoicePaidTitle: text,
    customer: rec({ id: text, name: text, email: text, phone: text }, ['name', 'email']),
    items: fc.array(
      rec({ itemId: text, description: text, quantity: count, price }, ['description', 'quantity', 'price']),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    notes: text,
    reference: text,
    paymentType: fc.constantFrom('payment_link', 'virtual_account' as const),
    virtualAccounts: fc.array(rec({ bank: text, number: text }, ['bank']), { maxLength: 2 }),
    paymentLink: rec({
      isCustomExpiry: fc.boolean(),
      enabledPayments: fc.array(text, { maxLength: 3 }),
      expiry: rec({ unit: text, duration: count, startTime: when }, ['unit', 'duration']),
      callbacks: rec({ finish: text }),
    }),
    amount: rec({ discount: price, shipping: price }),
  },
  ['orderId', 'invoiceNumber', 'dueDate', 'invoiceDate', 'customer', 'items', 'paymentType'],
);

describe('requests round-trip camel → wire → camel unchanged', () => {
  it('ChargeRequest', () => {
    fc.assert(
      fc.property(charge, (request) => {
        expect(fromWireCharge(toWireCharge(request))).toStrictEqual(request);
      }),
    );
  });

  it('SnapRequest', () => {
    fc.assert(
      fc.property(snap, (request) => {
        expect(fromWireSnap(toWireSnap(request))).toStrictEqual(request);
      }),
    );
  });

  it('SubscriptionCreateRequest and SubscriptionUpdateRequest', () => {
    fc.assert(
      fc.property(subscriptionCreate, (request) => {
        expect(fromWireSubscriptionCreate(toWireSubscriptionCreate(request))).toStrictEqual(request);
      }),
    );
    fc.assert(
      fc.property(subscriptionUpdate, (request) => {
        expect(fromWireSubscriptionUpdate(toWireSubscriptionUpdate(request))).toStrictEqual(request);
      }),
    );
  });

  it('InvoiceCreateRequest', () => {
    fc.assert(
      fc.property(invoice, (request) => {
        expect(fromWireInvoiceCreate(toWireInvoiceCreate(request))).toStrictEqual(request);
      }),
    );
  });
});

describe('amounts never lose a Rupiah', () => {
  it('for any safe integer, on every request', () => {
    fc.assert(
      fc.property(amount, (n) => {
        const wire = toWireCharge({ paymentType: 'akulaku', orderId: 'O-1', grossAmount: n });
        expect(wire.transaction_details.gross_amount).toBe(n);
        expect(fromWireCharge(wire).grossAmount).toBe(n);
        const sub = toWireSubscriptionCreate({
          name: 'P',
          amount: n,
          paymentType: 'gopay',
          token: 't',
          schedule: { interval: 1, intervalUnit: 'month' },
        });
        expect(sub.amount).toBe(BigInt(n).toString());
        expect(fromWireSubscriptionCreate(sub).amount).toBe(n);
      }),
    );
  });
});
