/** Request schemas of the payment routes. */
import { Type } from '@sinclair/typebox';
import { closed, DateText } from '../../services/core/input-schema.js';
import { chargeRequestProperties, snapRequestProperties } from '../../services/payments/charge-schemas.js';
import { orderIdSchema } from './common.js';
import { described, object } from './json-schema.js';

/** `POST /payments`: a Core API charge, by the service's own rule (`paymentOptions` per type too). */
export const chargeBody = Type.Object(chargeRequestProperties(DateText), closed);

/** `POST /payments/snap`: a Snap transaction, by the service's own rule. */
export const snapBody = Type.Object(snapRequestProperties(DateText), closed);

/** `GET /payments/:orderId` query. */
export const getQuery = object({
  refresh: described({ type: 'boolean' }, 'Ask Midtrans first and store its answer.'),
});

/** Path parameters of the routes on one payment. */
export const orderIdParams = object({ orderId: orderIdSchema }, ['orderId']);
