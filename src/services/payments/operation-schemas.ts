/**
 * The options of a capture and a refund, written once as TypeBox schemas: the service checks every
 * call with them, and `POST /payments/:orderId/capture` and `/refunds` take the same rule as their
 * bodies (the refund route also requires the key, so a retried request can never refund twice).
 */
import { type Static, Type } from '@sinclair/typebox';
import { PaymentStatus } from '../../constants.js';
import * as limits from '../../limits.js';
import { compileInput, type InputCheck } from '../core/input-schema.js';
import { AmountSchema } from './charge-schemas.js';

/** The options of `capturePayment`. */
export const CaptureOptionsSchema = Type.Object(
  {
    amount: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'Whole Rupiah to capture; default the whole authorised amount.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Options of `capturePayment`. */
export type CaptureOptions = Static<typeof CaptureOptionsSchema>;

/** One key per refund intent: visible ASCII, at most what Midtrans honours as an idempotency key. */
export const RefundKeySchema = Type.String({
  minLength: 1,
  maxLength: limits.REFUND_KEY_MAX_LENGTH,
  pattern: limits.REFUND_KEY_PATTERN,
  description:
    'One key per refund intent, made when the refund is decided (e.g. a UUID). Sending it again answers that refund instead of making a second; another amount or reason with the same key is a 409.',
});

const refundProperties = {
  amount: AmountSchema,
  reason: Type.Optional(Type.String({ maxLength: limits.REFUND_REASON_MAX_LENGTH })),
  direct: Type.Optional(Type.Boolean()),
};

/** The options of `refundPayment` (the key is optional for a direct caller: then every call is new). */
export const RefundOptionsSchema = Type.Object(
  { ...refundProperties, refundKey: Type.Optional(RefundKeySchema) },
  { additionalProperties: false },
);

/** `POST /payments/:orderId/refunds`: the same options, with the key required. */
export const RefundRequestSchema = Type.Object(
  { ...refundProperties, refundKey: RefundKeySchema },
  { additionalProperties: false },
);

/** The compiled check of capture options. */
export const captureOptionsCheck: InputCheck<typeof CaptureOptionsSchema> =
  compileInput(CaptureOptionsSchema);
/** The compiled check of refund options. */
export const refundOptionsCheck: InputCheck<typeof RefundOptionsSchema> = compileInput(RefundOptionsSchema);

/** The filters of `listPayments` (and the query of `GET /payments`, where `status` may repeat). */
export const PaymentListFiltersSchema = Type.Object(
  {
    status: Type.Optional(
      Type.Array(
        Type.Unsafe<PaymentStatus>({
          type: 'string',
          enum: Object.values(PaymentStatus),
        }),
        { maxItems: 20, description: 'Only these statuses (repeatable).' },
      ),
    ),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: '`nextCursor` of the previous page.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Page size (default 50).' })),
  },
  { additionalProperties: false },
);

/** The filters, typed from their rule. */
export type PaymentListFilters = Static<typeof PaymentListFiltersSchema>;

/** The compiled check of list filters. */
export const paymentListFiltersCheck: InputCheck<typeof PaymentListFiltersSchema> =
  compileInput(PaymentListFiltersSchema);
