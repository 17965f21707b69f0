/**
 * Card, e-wallet, QRIS and convenience-store method objects of a Core API charge.
 */

import { ConvenienceStore, QrisAcquirer } from '../../constants.js';
import type { WireCreditCard, WireCstore, WireGopay } from '../../wire-types.js';
import type {
  CreditCardOptions,
  CstoreOptions,
  GopayOptions,
  QrisOptions,
  ShopeepayOptions,
} from '../types.js';
import {
  optArray,
  optBool,
  optInt,
  optOneOf,
  optString,
  reqObject,
  reqOneOf,
  reqString,
  stringItem,
} from './read.js';
import { compact } from './write.js';

const AUTHORIZE = { AUTHORIZE: 'authorize' } as const;
const CALLBACK_TYPE = { JS_EVENT: 'js_event', FORM: 'form' } as const;

/** Card options to the wire. */
export function creditCardToWire(options: CreditCardOptions): WireCreditCard {
  return compact({
    token_id: options.tokenId,
    authentication: options.authentication,
    callback_type: options.callbackType,
    save_token_id: options.saveTokenId,
    type: options.type,
    bank: options.bank,
    installment_term: options.installmentTerm,
    bins: options.bins,
    channel: options.channel,
  });
}

/** `credit_card` from the wire. */
export function creditCardFromWire(value: unknown, path = 'credit_card'): CreditCardOptions {
  const wire = reqObject(value, path);
  return compact({
    tokenId: reqString(wire.token_id, `${path}.token_id`),
    authentication: optBool(wire.authentication, `${path}.authentication`),
    callbackType: optOneOf(wire.callback_type, CALLBACK_TYPE, `${path}.callback_type`),
    saveTokenId: optBool(wire.save_token_id, `${path}.save_token_id`),
    type: optOneOf(wire.type, AUTHORIZE, `${path}.type`),
    bank: optString(wire.bank, `${path}.bank`),
    installmentTerm: optInt(wire.installment_term, `${path}.installment_term`),
    bins: optArray(wire.bins, `${path}.bins`, stringItem),
    channel: optString(wire.channel, `${path}.channel`),
  });
}

/** GoPay options to the wire. */
export function gopayToWire(options: GopayOptions): WireGopay {
  return compact({
    enable_callback: options.enableCallback,
    callback_url: options.callbackUrl,
    account_id: options.accountId,
    payment_option_token: options.paymentOptionToken,
    pre_auth: options.preAuth,
    recurring: options.recurring,
  });
}

/** `gopay` from the wire. */
export function gopayFromWire(value: unknown, path = 'gopay'): GopayOptions {
  const wire = reqObject(value, path);
  return compact({
    enableCallback: optBool(wire.enable_callback, `${path}.enable_callback`),
    callbackUrl: optString(wire.callback_url, `${path}.callback_url`),
    accountId: optString(wire.account_id, `${path}.account_id`),
    paymentOptionToken: optString(wire.payment_option_token, `${path}.payment_option_token`),
    preAuth: optBool(wire.pre_auth, `${path}.pre_auth`),
    recurring: optBool(wire.recurring, `${path}.recurring`),
  });
}

/** `shopeepay` from the wire (to the wire it is `{ callback_url }`). */
export function shopeepayFromWire(value: unknown, path = 'shopeepay'): ShopeepayOptions {
  const wire = reqObject(value, path);
  return compact({ callbackUrl: optString(wire.callback_url, `${path}.callback_url`) });
}

/** `qris` from the wire. */
export function qrisFromWire(value: unknown, path = 'qris'): QrisOptions {
  const wire = reqObject(value, path);
  return compact({ acquirer: optOneOf(wire.acquirer, QrisAcquirer, `${path}.acquirer`) });
}

/** Convenience-store options to the wire. */
export function cstoreToWire(options: CstoreOptions): WireCstore {
  return compact({
    store: options.store,
    message: options.message,
    alfamart_free_text_1: options.alfamartFreeText1,
    alfamart_free_text_2: options.alfamartFreeText2,
    alfamart_free_text_3: options.alfamartFreeText3,
  });
}

/** `cstore` from the wire. */
export function cstoreFromWire(value: unknown, path = 'cstore'): CstoreOptions {
  const wire = reqObject(value, path);
  return compact({
    store: reqOneOf(wire.store, ConvenienceStore, `${path}.store`),
    message: optString(wire.message, `${path}.message`),
    alfamartFreeText1: optString(wire.alfamart_free_text_1, `${path}.alfamart_free_text_1`),
    alfamartFreeText2: optString(wire.alfamart_free_text_2, `${path}.alfamart_free_text_2`),
    alfamartFreeText3: optString(wire.alfamart_free_text_3, `${path}.alfamart_free_text_3`),
  });
}
