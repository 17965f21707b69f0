/**
 * The rule of `paymentLinks.create`'s input, written once as a TypeBox schema from the named
 * limits. The service checks every call with it (payment-link-input.ts adds what a schema cannot
 * say: the total, the expiry window, the owner) and `POST /payment-links` builds its body from the
 * same properties, with the expiry start as ISO text.
 */
import { type Static, Type } from '@sinclair/typebox';
import * as limits from '../../limits.js';
import type { KitUser } from '../core/hooks.js';
import { closed, compileInput, type DateSchema, DateValue, type InputCheck } from '../core/input-schema.js';
import { MetadataSchema } from '../payments/charge-schemas.js';

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const amount = (minimum: number) => Type.Integer({ minimum, maximum: Number.MAX_SAFE_INTEGER });

/** Units of a link's expiry, as Midtrans spells them. */
export const PAYMENT_LINK_EXPIRY_UNITS = ['minutes', 'hours', 'days'] as const;

/** One line of a payment link. */
export const PaymentLinkItemSchema = Type.Object(
  {
    itemId: Type.Optional(Type.String({ maxLength: limits.ITEM_ID_COLUMN_LENGTH })),
    name: text(limits.ITEM_NAME_MAX_LENGTH),
    price: amount(0),
    quantity: amount(1),
    brand: Type.Optional(Type.String({ maxLength: limits.ITEM_FIELD_MAX_LENGTH })),
    category: Type.Optional(Type.String({ maxLength: limits.ITEM_FIELD_MAX_LENGTH })),
    merchantName: Type.Optional(Type.String({ maxLength: limits.ITEM_FIELD_MAX_LENGTH })),
  },
  closed,
);

/** The fields of a payment link as a request sends them; `date` is the form of the expiry start. */
export function paymentLinkRequestProperties<D extends DateSchema>(date: D) {
  return {
    items: Type.Array(PaymentLinkItemSchema, { minItems: 1, maxItems: limits.ITEMS_MAX_COUNT }),
    orderId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: limits.PAYMENT_LINK_ORDER_ID_MAX_LENGTH,
        pattern: limits.ORDER_ID_PATTERN,
      }),
    ),
    linkId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: limits.PAYMENT_LINK_ID_MAX_LENGTH,
        pattern: limits.PAYMENT_LINK_ID_PATTERN,
      }),
    ),
    title: Type.Optional(text(limits.PAYMENT_LINK_TITLE_MAX_LENGTH)),
    usageLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: limits.PAYMENT_LINK_USAGE_LIMIT_MAX })),
    customerRequired: Type.Optional(Type.Boolean()),
    expiry: Type.Optional(
      Type.Object(
        {
          startTime: Type.Optional(date),
          duration: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
          unit: Type.Unsafe<(typeof PAYMENT_LINK_EXPIRY_UNITS)[number]>({
            type: 'string',
            enum: [...PAYMENT_LINK_EXPIRY_UNITS],
          }),
        },
        closed,
      ),
    ),
    enabledPayments: Type.Optional(Type.Array(text(64), { maxItems: 50 })),
    customer: Type.Optional(
      Type.Object(
        {
          firstName: Type.Optional(text(limits.NAME_MAX_LENGTH)),
          lastName: Type.Optional(text(limits.NAME_MAX_LENGTH)),
          email: Type.Optional(Type.String({ maxLength: limits.EMAIL_MAX_LENGTH, format: 'email' })),
          phone: Type.Optional(text(limits.PHONE_MAX_LENGTH)),
          notes: Type.Optional(Type.String({ maxLength: limits.INVOICE_NOTES_MAX_LENGTH })),
        },
        closed,
      ),
    ),
    customFields: Type.Optional(
      Type.Array(Type.String({ maxLength: limits.CUSTOM_FIELD_MAX_LENGTH }), {
        maxItems: limits.CUSTOM_FIELDS_MAX_COUNT,
      }),
    ),
    finishUrl: Type.Optional(
      Type.String({ format: 'uri', pattern: '^https?://', maxLength: limits.URL_MAX_LENGTH }),
    ),
    metadata: Type.Optional(MetadataSchema),
  };
}

/** `paymentLinks.create`'s input as the service checks it (`user` is the host's, checked by hand). */
export const PaymentLinkInputSchema = Type.Object(
  { ...paymentLinkRequestProperties(DateValue), user: Type.Optional(Type.Unsafe<KitUser>({})) },
  closed,
);

/** Input of `paymentLinks.create`: the lines (their sum is what each payment is for) and the link's settings. */
export type CreatePaymentLinkInput = Static<typeof PaymentLinkInputSchema>;

/** One line of a payment link's input. */
export type PaymentLinkItemInput = Static<typeof PaymentLinkItemSchema>;

/** The compiled check of `paymentLinks.create`'s input. */
export const paymentLinkInputCheck: InputCheck<typeof PaymentLinkInputSchema> =
  compileInput(PaymentLinkInputSchema);

/** Local statuses of a payment link (see `PaymentLinkStatus`). */
export const PAYMENT_LINK_STATUSES = ['draft', 'active', 'used', 'deleted', 'failed'] as const;

/** Filters of `paymentLinks.list` and `GET /payment-links` (the owner is given apart). */
export const PaymentLinkListFiltersSchema = Type.Object(
  {
    status: Type.Optional(
      Type.Array(
        Type.Unsafe<(typeof PAYMENT_LINK_STATUSES)[number]>({
          type: 'string',
          enum: [...PAYMENT_LINK_STATUSES],
        }),
        { maxItems: 5, description: 'Only these statuses (repeatable).' },
      ),
    ),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: '`nextCursor` of the previous page.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Page size (default 50).' })),
  },
  closed,
);

/** The compiled check of the list filters. */
export const paymentLinkListFiltersCheck: InputCheck<typeof PaymentLinkListFiltersSchema> = compileInput(
  PaymentLinkListFiltersSchema,
);
