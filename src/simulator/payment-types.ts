/**
 * Per payment type: request validation, the fields Midtrans returns, default expiry
 * (docs/midtrans-wire.md §12) and rules (refundable, reversible). One table, one place.
 */
import { gopay, qris, redirectLender, shopeepay } from './ewallet-types.js';
import { objectAt, stringAt } from './json.js';
import { HOUR, type MethodBuild, type MethodInput, MINUTE, spec } from './method-spec.js';
import type { MethodSpec } from './transaction.js';

export type { MethodBuild, MethodInput } from './method-spec.js';

const VA_BANKS = new Set(['bca', 'bni', 'bri', 'cimb', 'permata']);
const VA_PREFIX: Record<string, string> = {
  bca: '00000',
  bni: '988',
  bri: '00000',
  cimb: '281',
  permata: '850',
};
const VA_LENGTH: Record<string, number> = { bca: 15, bni: 16, bri: 18, cimb: 16, permata: 16 };

function bankTransfer(input: MethodInput, errors: string[]): MethodBuild | undefined {
  const object = objectAt(input.request, 'bank_transfer');
  const bank = stringAt(object, 'bank');
  if (!bank || !VA_BANKS.has(bank)) {
    errors.push('bank_transfer.bank must be one of bca, bni, bri, cimb, permata');
    return undefined;
  }
  const custom = stringAt(object, 'va_number');
  const number =
    custom && /^\d+$/.test(custom)
      ? custom.padStart(VA_LENGTH[bank] ?? 12, '0')
      : input.ids.digits(VA_PREFIX[bank] ?? '0', VA_LENGTH[bank] ?? 16);
  if (bank === 'permata') {
    return {
      spec: spec('Success, PERMATA VA transaction is successful', { expiryInCharge: true, reversible: true }),
      fields: { permata_va_number: number },
      chargeFields: {},
      expiryMs: 24 * HOUR,
    };
  }
  return {
    spec: spec('Success, Bank Transfer transaction is created', {
      expiryInCharge: true,
      paymentAmounts: true,
    }),
    fields: { va_numbers: [{ bank, va_number: number }] },
    chargeFields: {},
    expiryMs: 24 * HOUR,
  };
}

function echannel(input: MethodInput, errors: string[]): MethodBuild | undefined {
  const object = objectAt(input.request, 'echannel');
  if (!object || typeof object.bill_info1 !== 'string' || typeof object.bill_info2 !== 'string') {
    errors.push('echannel.bill_info1 and echannel.bill_info2 are required');
    return undefined;
  }
  const custom = stringAt(object, 'bill_key');
  return {
    spec: spec('OK, Mandiri Bill transaction is successful', { expiryInCharge: true, reversible: true }),
    fields: { bill_key: custom ?? input.ids.digits('99', 12), biller_code: '70012' },
    chargeFields: {},
    expiryMs: 24 * HOUR,
  };
}

function cstore(input: MethodInput, errors: string[]): MethodBuild | undefined {
  const store = stringAt(objectAt(input.request, 'cstore'), 'store');
  if (store !== 'indomaret' && store !== 'alfamart') {
    errors.push('cstore.store must be indomaret or alfamart');
    return undefined;
  }
  const indomaret = store === 'indomaret';
  return {
    spec: spec('Success, cstore transaction is successful', {
      fraud: !indomaret,
      reversible: indomaret,
      onSettle: indomaret
        ? (txn, _now, unique) => {
            txn.fields.approval_code = `SIM${String(unique).padStart(9, '0')}`;
          }
        : undefined,
    }),
    fields: { payment_code: input.ids.digits(indomaret ? '5511' : '0000', indomaret ? 12 : 16), store },
    chargeFields: {},
    expiryMs: 24 * HOUR,
  };
}

type Builder = (input: MethodInput, errors: string[]) => MethodBuild | undefined;

/** Builders of the non-card payment types (cards go through the token flow in card-charge.ts). */
export const METHOD_BUILDERS: ReadonlyMap<string, Builder> = new Map<string, Builder>([
  ['bank_transfer', bankTransfer],
  ['echannel', echannel],
  ['cstore', cstore],
  ['gopay', gopay],
  ['qris', qris],
  ['shopeepay', shopeepay],
  ['akulaku', redirectLender('akulaku', 'Success, Akulaku transaction is created')],
  ['kredivo', redirectLender('kredivo', 'Success, Kredivo transaction is created')],
]);

/** The card payment type's spec. */
export const CARD_SPEC: MethodSpec = spec('Success, Credit Card transaction is successful', {
  merchantIdInCharge: false,
  refundable: true,
});

/** Card 3DS page validity (§12). */
export const CARD_3DS_EXPIRY_MS = 10 * MINUTE;
/** An uncaptured pre-authorisation is released (cancelled) after 8 days (§12). */
export const CARD_AUTHORIZE_EXPIRY_MS = 8 * 24 * HOUR;
