/**
 * The rules of a charge's and a Snap transaction's shared fields, written once as TypeBox schemas
 * from the named limits (src/limits.ts, which the migrations' columns read too). The service checks
 * every call with them (`commonFieldsCheck`); the HTTP routes build their request bodies from the
 * same property schemas, so `POST /payments` and `kit.payments.createCharge` meet one rule in one
 * wording, and nothing the rule accepts is too long for its column.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { JsonObject } from '../../domain/types.js';
import * as limits from '../../limits.js';
import { compileInput, type InputCheck } from '../core/input-schema.js';

const text = (maxLength: number, extra: { minLength?: number; format?: string } = {}) =>
  Type.String({ maxLength, ...extra });

/** Whole Rupiah, at least 1 (type-specific limits are the service's own rule). */
export const AmountSchema = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

/** A Midtrans order id (Core API and Snap). */
export const OrderIdSchema = Type.String({
  minLength: 1,
  maxLength: limits.ORDER_ID_MAX_LENGTH,
  pattern: limits.ORDER_ID_PATTERN,
});

/** A billing or shipping address. */
export const AddressSchema = Type.Object(
  {
    firstName: Type.Optional(text(limits.NAME_MAX_LENGTH)),
    lastName: Type.Optional(text(limits.NAME_MAX_LENGTH)),
    email: Type.Optional(text(limits.EMAIL_MAX_LENGTH, { format: 'email' })),
    phone: Type.Optional(text(limits.PHONE_MAX_LENGTH)),
    address: Type.Optional(text(limits.ADDRESS_FIELD_MAX_LENGTH)),
    city: Type.Optional(text(limits.ADDRESS_FIELD_MAX_LENGTH)),
    postalCode: Type.Optional(text(limits.POSTAL_CODE_MAX_LENGTH)),
    countryCode: Type.Optional(text(limits.COUNTRY_CODE_LENGTH, { minLength: limits.COUNTRY_CODE_LENGTH })),
  },
  { additionalProperties: false },
);

/** The customer. */
export const CustomerSchema = Type.Object(
  {
    firstName: Type.Optional(text(limits.NAME_MAX_LENGTH)),
    lastName: Type.Optional(text(limits.NAME_MAX_LENGTH)),
    email: Type.Optional(text(limits.EMAIL_MAX_LENGTH, { format: 'email' })),
    phone: Type.Optional(text(limits.PHONE_MAX_LENGTH)),
    billingAddress: Type.Optional(AddressSchema),
    shippingAddress: Type.Optional(AddressSchema),
  },
  { additionalProperties: false },
);

/** One order line. */
export const ItemSchema = Type.Object(
  {
    id: Type.Optional(text(limits.ITEM_FIELD_MAX_LENGTH)),
    name: text(limits.ITEM_NAME_MAX_LENGTH, { minLength: 1 }),
    price: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
    quantity: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    brand: Type.Optional(text(limits.ITEM_FIELD_MAX_LENGTH)),
    category: Type.Optional(text(limits.ITEM_FIELD_MAX_LENGTH)),
    merchantName: Type.Optional(text(limits.ITEM_FIELD_MAX_LENGTH)),
    url: Type.Optional(text(limits.URL_MAX_LENGTH, { format: 'uri' })),
  },
  { additionalProperties: false },
);

/** Order lines. */
export const ItemsSchema = Type.Array(ItemSchema, { maxItems: limits.ITEMS_MAX_COUNT });

/** Free-form metadata, stored and sent to Midtrans. */
export const MetadataSchema = Type.Unsafe<JsonObject>({
  type: 'object',
  description: 'Free-form JSON, stored and sent to Midtrans.',
});

/** Up to three custom fields (`custom_field1..3`). */
export const CustomFieldsSchema = Type.Array(text(limits.CUSTOM_FIELD_MAX_LENGTH), {
  maxItems: limits.CUSTOM_FIELDS_MAX_COUNT,
});

/**
 * The fields a customer may send for a charge or a Snap transaction, and a direct caller too.
 * Not `notificationUrl` or `user`: those are the host's (checked by the service), never a request's.
 */
export const chargeCommonProperties = {
  grossAmount: AmountSchema,
  orderId: Type.Optional(OrderIdSchema),
  customerDetails: Type.Optional(CustomerSchema),
  itemDetails: Type.Optional(ItemsSchema),
  metadata: Type.Optional(MetadataSchema),
  customFields: Type.Optional(CustomFieldsSchema),
};

/** The shared fields as the service checks them (the rest of its input is checked beside it). */
export const ChargeCommonSchema = Type.Object(chargeCommonProperties);

/** The shared fields, typed from their rule. */
export type ChargeCommonFields = Static<typeof ChargeCommonSchema>;

/** The compiled check of the shared fields. */
export const commonFieldsCheck: InputCheck<typeof ChargeCommonSchema> = compileInput(ChargeCommonSchema);
