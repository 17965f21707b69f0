/**
 * The rules of a charge's and a Snap transaction's shared fields, written once as TypeBox schemas
 * from the named limits (src/limits.ts, which the migrations' columns read too). The service checks
 * every call with them (`commonFieldsCheck`); the HTTP routes build their request bodies from the
 * same property schemas, so `POST /payments` and `kit.payments.createCharge` meet one rule in one
 * wording, and nothing the rule accepts is too long for its column.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { NotificationUrls } from '../../client/request-options.js';
import { PaymentType } from '../../constants.js';
import type { JsonObject } from '../../domain/types.js';
import * as limits from '../../limits.js';
import type { KitUser } from '../core/hooks.js';
import { closed, compileInput, type DateSchema, DateValue, type InputCheck } from '../core/input-schema.js';
import { snapSettingProperties } from './snap-schemas.js';

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
  closed,
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
  closed,
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
  closed,
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

/** The shared fields, typed from their rule. */
export type ChargeCommonFields = Static<typeof ChargeCommonSchema>;
const ChargeCommonSchema = Type.Object(chargeCommonProperties);

/** A Core API payment type. */
export const PaymentTypeSchema = Type.Unsafe<PaymentType>({
  type: 'string',
  enum: Object.values(PaymentType),
});

/** `paymentOptions`: an object whose fields depend on `paymentType` (payment-options-check.ts). */
export const PaymentOptionsSchema = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  description: 'Options of the payment type (docs/payments.md); unknown names are refused.',
});

/** `customExpiry`: how long a Core API charge stays payable. */
export function customExpirySchema<D extends DateSchema>(date: D) {
  return Type.Object(
    {
      orderTime: Type.Optional(date),
      // Midtrans types it String(50) and takes "60" like 60 (custom-expiry-object).
      expiryDuration: Type.Union([
        Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
        Type.String({ pattern: '^[1-9][0-9]{0,14}$' }),
      ]),
      // Optional: Midtrans defaults it to minute.
      unit: Type.Optional(
        Type.Unsafe<'second' | 'minute' | 'hour' | 'day'>({
          type: 'string',
          enum: ['second', 'minute', 'hour', 'day'],
        }),
      ),
    },
    closed,
  );
}

/** A charge's fields as a request sends them; `date` is the form of `customExpiry.orderTime`. */
export function chargeRequestProperties<D extends DateSchema>(date: D) {
  return {
    ...chargeCommonProperties,
    paymentType: PaymentTypeSchema,
    paymentOptions: Type.Optional(PaymentOptionsSchema),
    customExpiry: Type.Optional(customExpirySchema(date)),
  };
}

/** A Snap transaction's fields as a request sends them; `date` is the form of `expiry.startTime`. */
export function snapRequestProperties<D extends DateSchema>(date: D) {
  return { ...chargeCommonProperties, ...snapSettingProperties(date) };
}

// What only the host's own code passes: checked by hand (charge-input.ts), never a request's.
const hostOnlyProperties = {
  notificationUrl: Type.Optional(Type.Unsafe<NotificationUrls>({})),
  user: Type.Optional(Type.Unsafe<KitUser>({})),
};

/** `createCharge`'s input, as the service checks it. */
export const ChargeInputSchema = Type.Object(
  { ...chargeRequestProperties(DateValue), ...hostOnlyProperties },
  closed,
);

/** `createSnapTransaction`'s input, as the service checks it. */
export const SnapInputSchema = Type.Object(
  {
    ...snapRequestProperties(DateValue),
    ...hostOnlyProperties,
    // Snap's `user_id` (saved cards): the service sets it from `user`; only a host may pass it.
    userId: Type.Optional(Type.String({ minLength: 1, maxLength: limits.USER_ID_MAX_LENGTH })),
  },
  closed,
);

/** The compiled check of a charge's input (the per-type options and item sum are checked beside it). */
export const chargeInputCheck: InputCheck<typeof ChargeInputSchema> = compileInput(ChargeInputSchema);

/** The compiled check of a Snap transaction's input. */
export const snapInputCheck: InputCheck<typeof SnapInputSchema> = compileInput(SnapInputSchema);
