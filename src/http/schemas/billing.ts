/** Request schemas of the invoice and subscription routes (the services check the finer rules). */
import { amount, metadataSchema, orderIdSchema, recordIdSchema } from './common.js';
import { described, integer, list, nullable, object, oneOf, text } from './json-schema.js';

const dateTime = text({ format: 'date-time' });

/** Path parameters of the routes on one invoice or subscription. */
export const idParams = object({ id: recordIdSchema }, ['id']);

/** `GET /invoices/:id` and `GET /subscriptions/:id` query. */
export const refreshQuery = object({
  refresh: described({ type: 'boolean' }, 'Ask Midtrans first and store its answer.'),
});

/** `POST /invoices`. */
export const invoiceBody = object(
  {
    customerName: text({ min: 1, max: 255 }),
    customerEmail: text({ max: 255, format: 'email' }),
    customerPhone: text({ min: 1, max: 64 }),
    customerId: text({ min: 1, max: 191 }),
    dueDate: dateTime,
    invoiceDate: dateTime,
    items: list(
      object(
        {
          itemId: text({ max: 64 }),
          description: text({ min: 1, max: 255 }),
          quantity: integer(1),
          price: integer(0, Number.MAX_SAFE_INTEGER),
        },
        ['description', 'quantity', 'price'],
      ),
      1000,
      1,
    ),
    notes: text({ max: 1000 }),
    orderId: { ...orderIdSchema, maxLength: 36 },
    invoiceNumber: text({ min: 1, max: 40 }),
    metadata: metadataSchema,
    paymentType: oneOf(['payment_link', 'virtual_account']),
    virtualAccounts: list(
      object({ bank: text({ min: 1, max: 32 }), number: text({ max: 64 }) }, ['bank']),
      10,
      1,
    ),
    paymentLink: object({
      isCustomExpiry: { type: 'boolean' },
      enabledPayments: list(text({ min: 1, max: 64 }), 50),
      expiry: object({ unit: text({ min: 1, max: 16 }), duration: integer(1), startTime: dateTime }, [
        'unit',
        'duration',
      ]),
      callbacks: object({ finish: text({ format: 'uri', max: 2048 }) }),
    }),
    invoiceTitle: text({ max: 20 }),
    invoicePaidTitle: text({ max: 20 }),
    reference: text({ max: 90 }),
  },
  ['customerName', 'customerEmail', 'dueDate', 'items'],
);

const subscriptionName = text({ min: 1, max: 40, pattern: '^[A-Za-z0-9\\-_~.]+$' });

/** `POST /subscriptions`. */
export const subscriptionBody = object(
  {
    name: subscriptionName,
    amount,
    paymentType: oneOf(['credit_card', 'gopay']),
    token: text({ min: 1, max: 255 }),
    interval: integer(1, 1000),
    intervalUnit: oneOf(['day', 'week', 'month']),
    maxInterval: nullable(integer(0, 10000)),
    startTime: dateTime,
    retryInterval: integer(1, 1000),
    retryIntervalUnit: oneOf(['minute', 'hour', 'day']),
    retryMaxInterval: integer(0, 3),
    customerDetails: object({
      firstName: text({ max: 255 }),
      lastName: text({ max: 255 }),
      email: text({ max: 255, format: 'email' }),
      phone: text({ max: 255 }),
    }),
    gopayAccountId: text({ min: 1, max: 255 }),
    metadata: metadataSchema,
  },
  ['name', 'amount', 'paymentType'],
);

/** `PATCH /subscriptions/:id`. */
export const subscriptionPatch = object(
  {
    name: subscriptionName,
    amount,
    schedule: object({ interval: integer(1, 1000), startTime: dateTime }, [], { minProperties: 1 }),
  },
  [],
  { minProperties: 1 },
);
