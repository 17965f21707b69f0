/**
 * The rule of `createInvoice`'s input, written once as a TypeBox schema from the named limits.
 * The service checks every call with it (invoice-input.ts adds what a schema cannot say: the date
 * order, the total, the fields that belong to one payment type) and `POST /invoices` builds its
 * body from the same properties, with dates as ISO text.
 */
import { Type } from '@sinclair/typebox';
import * as limits from '../../limits.js';
import type { KitUser } from '../core/hooks.js';
import { closed, compileInput, type DateSchema, DateValue, type InputCheck } from '../core/input-schema.js';
import { MetadataSchema } from '../payments/charge-schemas.js';
import { snapSettingProperties } from '../payments/snap-schemas.js';

const text = (maxLength: number, extra: { minLength?: number; format?: string } = {}) =>
  Type.String({ minLength: 1, maxLength, ...extra });

/** Banks an invoice's virtual accounts may use. */
export const INVOICE_VA_BANKS = ['bca_va', 'bni_va', 'bri_va', 'permata_va', 'cimb_va'] as const;

/** One line of an invoice. */
export const InvoiceItemSchema = Type.Object(
  {
    itemId: Type.Optional(Type.String({ maxLength: limits.ITEM_ID_COLUMN_LENGTH })),
    description: text(limits.ITEM_DESCRIPTION_MAX_LENGTH),
    quantity: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    price: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  },
  closed,
);

/** The fields of an invoice as a request sends them; `date` is the form of its dates. */
export function invoiceRequestProperties<D extends DateSchema>(date: D) {
  const { enabledPayments, callbacks, expiry } = snapSettingProperties(date);
  return {
    customerName: text(limits.NAME_MAX_LENGTH),
    customerEmail: text(limits.EMAIL_MAX_LENGTH, { format: 'email' }),
    customerPhone: Type.Optional(text(limits.PHONE_MAX_LENGTH)),
    customerId: Type.Optional(text(limits.CUSTOMER_ID_MAX_LENGTH)),
    dueDate: date,
    invoiceDate: Type.Optional(date),
    items: Type.Array(InvoiceItemSchema, { minItems: 1, maxItems: limits.ITEMS_MAX_COUNT }),
    notes: Type.Optional(Type.String({ maxLength: limits.INVOICE_NOTES_MAX_LENGTH })),
    orderId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: limits.INVOICE_ORDER_ID_MAX_LENGTH,
        pattern: limits.ORDER_ID_PATTERN,
      }),
    ),
    invoiceNumber: Type.Optional(text(limits.INVOICE_NUMBER_GIVEN_MAX_LENGTH)),
    metadata: Type.Optional(MetadataSchema),
    paymentType: Type.Optional(
      Type.Unsafe<'payment_link' | 'virtual_account'>({
        type: 'string',
        enum: ['payment_link', 'virtual_account'],
      }),
    ),
    virtualAccounts: Type.Optional(
      Type.Array(
        Type.Object(
          {
            bank: Type.Unsafe<string>({ type: 'string', enum: [...INVOICE_VA_BANKS] }),
            number: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
          },
          closed,
        ),
        { minItems: 1, maxItems: limits.VIRTUAL_ACCOUNTS_MAX_COUNT },
      ),
    ),
    paymentLink: Type.Optional(
      Type.Object(
        { isCustomExpiry: Type.Optional(Type.Boolean()), enabledPayments, expiry, callbacks },
        closed,
      ),
    ),
    invoiceTitle: Type.Optional(Type.String({ maxLength: limits.INVOICE_TITLE_MAX_LENGTH })),
    invoicePaidTitle: Type.Optional(Type.String({ maxLength: limits.INVOICE_TITLE_MAX_LENGTH })),
    reference: Type.Optional(Type.String({ maxLength: limits.INVOICE_REFERENCE_MAX_LENGTH })),
  };
}

/** `createInvoice`'s input as the service checks it (`user` is the host's, checked by hand). */
export const InvoiceInputSchema = Type.Object(
  { ...invoiceRequestProperties(DateValue), user: Type.Optional(Type.Unsafe<KitUser>({})) },
  closed,
);

/** The compiled check of `createInvoice`'s input. */
export const invoiceInputCheck: InputCheck<typeof InvoiceInputSchema> = compileInput(InvoiceInputSchema);
