/**
 * Snap: `SnapRequest` ⇄ `POST /snap/v1/transactions` body, and the `{ token, redirect_url }` answer.
 */
import type { WireSnapRequest, WireSnapResponse } from '../../wire-types.js';
import type { SnapCreditCard, SnapExpiry, SnapRequest, SnapResult } from '../types.js';
import { commonFromWire, commonToWire } from './common.js';
import {
  optArray,
  optBool,
  optObject,
  optOneOf,
  optString,
  optTime,
  reqArray,
  reqInt,
  reqObject,
  reqString,
  stringItem,
} from './read.js';
import { compact, maybe, outZonedTime } from './write.js';

type WireSnapCard = NonNullable<WireSnapRequest['credit_card']>;
const AUTHORIZE = { AUTHORIZE: 'authorize' } as const;

function cardToWire(card: SnapCreditCard): WireSnapCard {
  return compact({
    secure: card.secure,
    bank: card.bank,
    channel: card.channel,
    type: card.type,
    installment: card.installment,
    whitelist_bins: card.whitelistBins,
    save_card: card.saveCard,
  });
}

function termsFromWire(value: unknown, path: string): Record<string, number[]> {
  const terms = reqObject(value, path);
  return Object.fromEntries(
    Object.entries(terms).map(([bank, list]) => [
      bank,
      reqArray(list, `${path}.${bank}`, (term, at) => reqInt(term, at)),
    ]),
  );
}

function cardFromWire(value: unknown): SnapCreditCard {
  const wire = reqObject(value, 'credit_card');
  const installment = maybe(wire.installment, (v) => {
    const plan = reqObject(v, 'credit_card.installment');
    return compact({
      required: optBool(plan.required, 'credit_card.installment.required'),
      terms: maybe(plan.terms, (t) => termsFromWire(t, 'credit_card.installment.terms')),
    });
  });
  return compact({
    secure: optBool(wire.secure, 'credit_card.secure'),
    bank: optString(wire.bank, 'credit_card.bank'),
    channel: optString(wire.channel, 'credit_card.channel'),
    type: optOneOf(wire.type, AUTHORIZE, 'credit_card.type'),
    installment,
    whitelistBins: optArray(wire.whitelist_bins, 'credit_card.whitelist_bins', stringItem),
    saveCard: optBool(wire.save_card, 'credit_card.save_card'),
  });
}

function expiryFromWire(value: unknown): SnapExpiry {
  const wire = reqObject(value, 'expiry');
  return compact({
    startTime: optTime(wire.start_time, 'expiry.start_time'),
    unit: reqString(wire.unit, 'expiry.unit'),
    duration: reqInt(wire.duration, 'expiry.duration'),
  });
}

/** Read `{ va_number, …extra }` objects with the given extra string keys. */
function vaFromWire(value: unknown, path: string) {
  const wire = reqObject(value, path);
  return {
    vaNumber: optString(wire.va_number, `${path}.va_number`),
    subCompanyCode: optString(wire.sub_company_code, `${path}.sub_company_code`),
    recipientName: optString(wire.recipient_name, `${path}.recipient_name`),
    freeText: optObject(wire.free_text, `${path}.free_text`),
  };
}

/** Build a Snap create body. Throws a ValidationError for bad amounts, custom fields or Dates. */
export function toWireSnap(request: SnapRequest): WireSnapRequest {
  return compact({
    ...commonToWire(request),
    enabled_payments: request.enabledPayments,
    credit_card: maybe(request.creditCard, cardToWire),
    bca_va: maybe(request.bcaVa, (va) =>
      compact({ va_number: va.vaNumber, sub_company_code: va.subCompanyCode, free_text: va.freeText }),
    ),
    bni_va: maybe(request.bniVa, (va) => compact({ va_number: va.vaNumber })),
    bri_va: maybe(request.briVa, (va) => compact({ va_number: va.vaNumber })),
    cimb_va: maybe(request.cimbVa, (va) => compact({ va_number: va.vaNumber })),
    permata_va: maybe(request.permataVa, (va) =>
      compact({ va_number: va.vaNumber, recipient_name: va.recipientName }),
    ),
    gopay: maybe(request.gopay, (g) =>
      compact({ enable_callback: g.enableCallback, callback_url: g.callbackUrl }),
    ),
    shopeepay: maybe(request.shopeepay, (s) => compact({ callback_url: s.callbackUrl })),
    callbacks: maybe(request.callbacks, (c) => compact({ finish: c.finish })),
    expiry: maybe(request.expiry, (e) =>
      compact({
        start_time: outZonedTime(e.startTime, 'expiry.startTime'),
        unit: e.unit,
        duration: e.duration,
      }),
    ),
    user_id: request.userId,
  });
}

/** Read a Snap create body (the simulator's side). */
export function fromWireSnap(wire: WireSnapRequest): SnapRequest {
  reqObject(wire, 'body');
  const gopay = maybe(wire.gopay, (v) => reqObject(v, 'gopay'));
  const shopeepay = maybe(wire.shopeepay, (v) => reqObject(v, 'shopeepay'));
  const callbacks = maybe(wire.callbacks, (v) => reqObject(v, 'callbacks'));
  return compact({
    ...commonFromWire(wire),
    enabledPayments: optArray(wire.enabled_payments, 'enabled_payments', stringItem),
    creditCard: maybe(wire.credit_card, cardFromWire),
    bcaVa: maybe(wire.bca_va, (v) => {
      const va = vaFromWire(v, 'bca_va');
      return compact({ vaNumber: va.vaNumber, subCompanyCode: va.subCompanyCode, freeText: va.freeText });
    }),
    bniVa: maybe(wire.bni_va, (v) => compact({ vaNumber: vaFromWire(v, 'bni_va').vaNumber })),
    briVa: maybe(wire.bri_va, (v) => compact({ vaNumber: vaFromWire(v, 'bri_va').vaNumber })),
    cimbVa: maybe(wire.cimb_va, (v) => compact({ vaNumber: vaFromWire(v, 'cimb_va').vaNumber })),
    permataVa: maybe(wire.permata_va, (v) => {
      const va = vaFromWire(v, 'permata_va');
      return compact({ vaNumber: va.vaNumber, recipientName: va.recipientName });
    }),
    gopay: maybe(gopay, (g) =>
      compact({
        enableCallback: optBool(g.enable_callback, 'gopay.enable_callback'),
        callbackUrl: optString(g.callback_url, 'gopay.callback_url'),
      }),
    ),
    shopeepay: maybe(shopeepay, (s) =>
      compact({ callbackUrl: optString(s.callback_url, 'shopeepay.callback_url') }),
    ),
    callbacks: maybe(callbacks, (c) => compact({ finish: optString(c.finish, 'callbacks.finish') })),
    expiry: maybe(wire.expiry, expiryFromWire),
    userId: optString(wire.user_id, 'user_id'),
  });
}

/** Snap's answer to camelCase. */
export function fromWireSnapResult(wire: WireSnapResponse): SnapResult {
  reqObject(wire, 'body');
  return { token: reqString(wire.token, 'token'), redirectUrl: reqString(wire.redirect_url, 'redirect_url') };
}

/** Snap's answer to the wire (the simulator's side). */
export function toWireSnapResult(result: SnapResult): WireSnapResponse {
  return { token: result.token, redirect_url: result.redirectUrl };
}
