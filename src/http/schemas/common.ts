/** Schema parts several routes share: customers, items, money, ids, notification URLs. */
import { anyObject, integer, list, object, text } from './json-schema.js';

/** Whole Rupiah, at least 1 (the service checks type-specific limits). */
export const amount = integer(1, Number.MAX_SAFE_INTEGER);

/** A Midtrans order id. */
export const orderIdSchema = text({ min: 1, max: 50, pattern: '^[A-Za-z0-9\\-_~.]+$' });

/** A record id made by the store (UUIDv7). */
export const recordIdSchema = text({ min: 1, max: 64, pattern: '^[0-9A-Za-z-]+$' });

/** A billing or shipping address. */
export const addressSchema = object({
  firstName: text({ max: 255 }),
  lastName: text({ max: 255 }),
  email: text({ max: 255, format: 'email' }),
  phone: text({ max: 255 }),
  address: text({ max: 255 }),
  city: text({ max: 255 }),
  postalCode: text({ max: 255 }),
  countryCode: text({ min: 3, max: 3 }),
});

/** The customer. */
export const customerSchema = object({
  firstName: text({ max: 255 }),
  lastName: text({ max: 255 }),
  email: text({ max: 255, format: 'email' }),
  phone: text({ max: 255 }),
  billingAddress: addressSchema,
  shippingAddress: addressSchema,
});

/** One order line. */
export const itemSchema = object(
  {
    id: text({ max: 255 }),
    name: text({ min: 1, max: 50 }),
    price: integer(0, Number.MAX_SAFE_INTEGER),
    quantity: integer(1),
    brand: text({ max: 255 }),
    category: text({ max: 255 }),
    merchantName: text({ max: 255 }),
    url: text({ max: 2048, format: 'uri' }),
  },
  ['name', 'price', 'quantity'],
);

/** Order lines. */
export const itemsSchema = list(itemSchema, 1000);

/** Free-form metadata. */
export const metadataSchema = anyObject('Free-form JSON, stored and sent to Midtrans.');

/** Up to three custom fields. */
export const customFieldsSchema = list(text({ max: 255 }), 3);

/**
 * Fields a Core API charge and a Snap transaction share. Not `notificationUrl`: where Midtrans
 * sends its signed notifications is the host's decision (the service option, in its own code),
 * never a customer's, who could otherwise have another shop's payments reported to their server.
 */
export const commonChargeFields = {
  grossAmount: amount,
  orderId: orderIdSchema,
  customerDetails: customerSchema,
  itemDetails: itemsSchema,
  metadata: metadataSchema,
  customFields: customFieldsSchema,
};
