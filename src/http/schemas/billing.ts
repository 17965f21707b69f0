/** Request schemas of the invoice and subscription routes (the services check the finer rules). */
import { Type } from '@sinclair/typebox';
import { DateText } from '../../services/core/input-schema.js';
import { invoiceRequestProperties } from '../../services/invoices/invoice-schema.js';
import { amount, metadataSchema, recordIdSchema } from './common.js';
import { described, integer, nullable, object, oneOf, text } from './json-schema.js';

const dateTime = text({ format: 'date-time' });

/** Path parameters of the routes on one invoice or subscription. */
export const idParams = object({ id: recordIdSchema }, ['id']);

/** `GET /invoices/:id` and `GET /subscriptions/:id` query. */
export const refreshQuery = object({
  refresh: described({ type: 'boolean' }, 'Ask Midtrans first and store its answer.'),
});

/** `POST /invoices`: the invoice service's own rule, with dates as ISO text. */
export const invoiceBody = Type.Object(invoiceRequestProperties(DateText), { additionalProperties: false });

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
