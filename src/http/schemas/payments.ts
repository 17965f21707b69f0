/** Request schemas of the payment routes. */
import { PaymentType } from '../../constants.js';
import { commonChargeFields, orderIdSchema } from './common.js';
import { anyObject, described, integer, list, object, oneOf, text } from './json-schema.js';

/** `POST /payments`: a Core API charge (`paymentOptions` is checked per type by the service). */
export const chargeBody = object(
  {
    ...commonChargeFields,
    paymentType: oneOf(Object.values(PaymentType)),
    paymentOptions: anyObject('Options of the payment type (docs/payments.md); unknown names are refused.'),
    customExpiry: object(
      {
        orderTime: text({ format: 'date-time' }),
        expiryDuration: integer(1),
        unit: oneOf(['second', 'minute', 'hour', 'day']),
      },
      ['expiryDuration', 'unit'],
    ),
  },
  ['paymentType', 'grossAmount'],
);

/** `POST /payments/snap`: a Snap transaction. */
export const snapBody = object(
  {
    ...commonChargeFields,
    enabledPayments: list(text({ min: 1, max: 64 }), 50),
    creditCard: anyObject('Snap card settings (secure, bank, installment, …).'),
    bcaVa: anyObject('BCA VA settings.'),
    bniVa: anyObject('BNI VA settings.'),
    briVa: anyObject('BRI VA settings.'),
    cimbVa: anyObject('CIMB VA settings.'),
    permataVa: anyObject('Permata VA settings.'),
    gopay: anyObject('GoPay settings.'),
    shopeepay: anyObject('ShopeePay settings.'),
    callbacks: object({ finish: text({ format: 'uri', max: 2048 }) }),
    expiry: object(
      { startTime: text({ format: 'date-time' }), unit: text({ min: 1, max: 16 }), duration: integer(1) },
      ['unit', 'duration'],
    ),
  },
  ['grossAmount'],
);

/** `GET /payments/:orderId` query. */
export const getQuery = object({
  refresh: described({ type: 'boolean' }, 'Ask Midtrans first and store its answer.'),
});

/** Path parameters of the routes on one payment. */
export const orderIdParams = object({ orderId: orderIdSchema }, ['orderId']);
