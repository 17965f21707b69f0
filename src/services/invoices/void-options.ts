/** The options of `voidInvoice`, written once: the service checks them, `POST /invoices/:id/void` takes them as its body. */
import { type Static, Type } from '@sinclair/typebox';
import { VOID_REASON_MAX_LENGTH } from '../../limits.js';
import { compileInput, type InputCheck } from '../core/input-schema.js';

/** The options of `voidInvoice`. */
export const VoidInvoiceOptionsSchema = Type.Object(
  {
    reason: Type.Optional(
      Type.String({
        maxLength: VOID_REASON_MAX_LENGTH,
        description: 'Why (stored as `voidReason`; Midtrans is not told).',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Options of `voidInvoice`. */
export type VoidInvoiceOptions = Static<typeof VoidInvoiceOptionsSchema>;

/** The compiled check of void options. */
export const voidInvoiceOptionsCheck: InputCheck<typeof VoidInvoiceOptionsSchema> =
  compileInput(VoidInvoiceOptionsSchema);
