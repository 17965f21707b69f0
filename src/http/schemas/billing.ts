/** Request schemas of the invoice and subscription routes (the services check the finer rules). */
import { Type } from '@sinclair/typebox';
import { closed, DateText } from '../../services/core/input-schema.js';
import { gopayLinkProperties } from '../../services/gopay-accounts/gopay-account-schema.js';
import { invoiceRequestProperties } from '../../services/invoices/invoice-schema.js';
import { paymentLinkRequestProperties } from '../../services/payment-links/payment-link-schema.js';
import {
  subscriptionRequestProperties,
  subscriptionUpdateProperties,
} from '../../services/subscriptions/subscription-schema.js';
import { recordIdSchema } from './common.js';
import { described, object } from './json-schema.js';

/** Path parameters of the routes on one invoice or subscription. */
export const idParams = object({ id: recordIdSchema }, ['id']);

/** `GET /invoices/:id` and `GET /subscriptions/:id` query. */
export const refreshQuery = object({
  refresh: described({ type: 'boolean' }, 'Ask Midtrans first and store its answer.'),
});

/** `POST /invoices`: the invoice service's own rule, with dates as ISO text. */
export const invoiceBody = Type.Object(invoiceRequestProperties(DateText), closed);

/** `POST /payment-links`: the payment link service's own rule, with the expiry start as ISO text. */
export const paymentLinkBody = Type.Object(paymentLinkRequestProperties(DateText), closed);

/** `POST /subscriptions`: the subscription service's own rule, with `startTime` as ISO text. */
export const subscriptionBody = Type.Object(subscriptionRequestProperties(DateText), closed);

/** `PATCH /subscriptions/:id`: the update's own rule, with `schedule.startTime` as ISO text. */
export const subscriptionPatch = Type.Object(subscriptionUpdateProperties(DateText), closed);

/** `POST /gopay-accounts`: the link's own rule, without the owner (the signed-in user). */
export const gopayLinkBody = Type.Object(gopayLinkProperties, closed);
