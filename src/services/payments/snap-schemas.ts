/**
 * Snap's own settings (card, VA numbers, wallets, callbacks, page expiry), written once as TypeBox
 * schemas. `createSnapTransaction` checks them and `POST /payments/snap` builds its body from the
 * same properties; a setting Midtrans does not know is refused rather than dropped silently.
 */
import { Type } from '@sinclair/typebox';
import { URL_MAX_LENGTH } from '../../limits.js';
import { closed, type DateSchema } from '../core/input-schema.js';

const vaNumber = Type.String({ pattern: '^[0-9]{1,18}$' });
const httpUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: URL_MAX_LENGTH });
const shortText = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/** `credit_card`: 3-D Secure, acquiring bank, pre-authorisation, installments, accepted BINs. */
export const SnapCreditCardSchema = Type.Object(
  {
    secure: Type.Optional(Type.Boolean()),
    bank: Type.Optional(shortText(32)),
    channel: Type.Optional(shortText(32)),
    type: Type.Optional(Type.Literal('authorize')),
    installment: Type.Optional(
      Type.Object(
        {
          required: Type.Optional(Type.Boolean()),
          terms: Type.Optional(
            Type.Record(
              Type.String({ maxLength: 32 }),
              Type.Array(Type.Integer({ minimum: 1, maximum: 60 })),
            ),
          ),
        },
        closed,
      ),
    ),
    whitelistBins: Type.Optional(Type.Array(shortText(16), { maxItems: 100 })),
    saveCard: Type.Optional(Type.Boolean()),
  },
  closed,
);

const vaOnly = Type.Object({ vaNumber: Type.Optional(vaNumber) }, closed);

/** The Snap settings, by their camelCase name. `date` is the form of `expiry.startTime`. */
export function snapSettingProperties<D extends DateSchema>(date: D) {
  return {
    enabledPayments: Type.Optional(Type.Array(shortText(64), { maxItems: 50 })),
    creditCard: Type.Optional(SnapCreditCardSchema),
    bcaVa: Type.Optional(
      Type.Object(
        {
          vaNumber: Type.Optional(vaNumber),
          subCompanyCode: Type.Optional(shortText(16)),
          freeText: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        },
        closed,
      ),
    ),
    bniVa: Type.Optional(vaOnly),
    briVa: Type.Optional(vaOnly),
    cimbVa: Type.Optional(vaOnly),
    permataVa: Type.Optional(
      Type.Object({ vaNumber: Type.Optional(vaNumber), recipientName: Type.Optional(shortText(20)) }, closed),
    ),
    gopay: Type.Optional(
      Type.Object(
        { enableCallback: Type.Optional(Type.Boolean()), callbackUrl: Type.Optional(httpUrl) },
        closed,
      ),
    ),
    shopeepay: Type.Optional(Type.Object({ callbackUrl: Type.Optional(httpUrl) }, closed)),
    callbacks: Type.Optional(Type.Object({ finish: Type.Optional(httpUrl) }, closed)),
    expiry: Type.Optional(
      Type.Object(
        {
          startTime: Type.Optional(date),
          // Midtrans takes the plural too ("hours").
          unit: Type.String({ pattern: '^(minute|hour|day)s?$' }),
          duration: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
        },
        closed,
      ),
    ),
  };
}
