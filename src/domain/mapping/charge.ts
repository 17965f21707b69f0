/**
 * Core API charge request: `ChargeRequest` ⇄ `POST /v2/charge` body.
 */

import { PaymentType } from '../../constants.js';
import type { WireChargeRequest, WireCustomExpiry } from '../../wire-types.js';
import type { ChargePayment, ChargeRequest, CustomExpiry } from '../types.js';
import {
  bankTransferFromWire,
  bankTransferToWire,
  echannelFromWire,
  echannelToWire,
} from './bank-options.js';
import { commonFromWire, commonToWire } from './common.js';
import {
  creditCardFromWire,
  creditCardToWire,
  cstoreFromWire,
  cstoreToWire,
  gopayFromWire,
  gopayToWire,
  qrisFromWire,
  shopeepayFromWire,
} from './payment-options.js';
import { optOneOf, optTime, reqInt, reqObject, reqOneOf } from './read.js';
import { compact, maybe, outZonedTime } from './write.js';

const EXPIRY_UNIT = { SECOND: 'second', MINUTE: 'minute', HOUR: 'hour', DAY: 'day' } as const;

/** The wire's method object for a payment type (none for Akulaku and Kredivo). */
type WireMethod = Pick<
  WireChargeRequest,
  'bank_transfer' | 'echannel' | 'credit_card' | 'gopay' | 'shopeepay' | 'qris' | 'cstore'
>;

function methodToWire(payment: ChargePayment): WireMethod {
  switch (payment.paymentType) {
    case 'bank_transfer':
      return { bank_transfer: bankTransferToWire(payment.paymentOptions) };
    case 'echannel':
      return { echannel: echannelToWire(payment.paymentOptions) };
    case 'credit_card':
      return { credit_card: creditCardToWire(payment.paymentOptions) };
    case 'gopay':
      return compact({ gopay: maybe(payment.paymentOptions, gopayToWire) });
    case 'shopeepay':
      return compact({
        shopeepay: maybe(payment.paymentOptions, (o) => compact({ callback_url: o.callbackUrl })),
      });
    case 'qris':
      return compact({ qris: maybe(payment.paymentOptions, (o) => compact({ acquirer: o.acquirer })) });
    case 'cstore':
      return { cstore: cstoreToWire(payment.paymentOptions) };
    default:
      return {};
  }
}

function methodFromWire(wire: WireChargeRequest): ChargePayment {
  const paymentType = reqOneOf(wire.payment_type, PaymentType, 'payment_type');
  switch (paymentType) {
    case 'bank_transfer':
      return { paymentType, paymentOptions: bankTransferFromWire(wire.bank_transfer) };
    case 'echannel':
      return { paymentType, paymentOptions: echannelFromWire(wire.echannel) };
    case 'credit_card':
      return { paymentType, paymentOptions: creditCardFromWire(wire.credit_card) };
    case 'gopay':
      return compact({ paymentType, paymentOptions: maybe(wire.gopay, (v) => gopayFromWire(v)) });
    case 'shopeepay':
      return compact({ paymentType, paymentOptions: maybe(wire.shopeepay, (v) => shopeepayFromWire(v)) });
    case 'qris':
      return compact({ paymentType, paymentOptions: maybe(wire.qris, (v) => qrisFromWire(v)) });
    case 'cstore':
      return { paymentType, paymentOptions: cstoreFromWire(wire.cstore) };
    default:
      return { paymentType };
  }
}

function expiryToWire(expiry: CustomExpiry): WireCustomExpiry {
  return compact({
    order_time: outZonedTime(expiry.orderTime, 'customExpiry.orderTime'),
    expiry_duration: expiry.expiryDuration,
    unit: expiry.unit,
  });
}

/** A request's `custom_expiry` read back (as stored with the payment). */
export function expiryFromWire(value: unknown): CustomExpiry {
  const wire = reqObject(value, 'custom_expiry');
  return compact({
    orderTime: optTime(wire.order_time, 'custom_expiry.order_time'),
    expiryDuration:
      typeof wire.expiry_duration === 'string'
        ? wire.expiry_duration
        : reqInt(wire.expiry_duration, 'custom_expiry.expiry_duration'),
    unit: optOneOf(wire.unit, EXPIRY_UNIT, 'custom_expiry.unit'),
  });
}

/**
 * Build the `POST /v2/charge` body. Throws a ValidationError (camelCase field names) for a bad
 * amount, more than three custom fields or an invalid Date.
 */
export function toWireCharge(request: ChargeRequest): WireChargeRequest {
  return compact({
    payment_type: request.paymentType,
    ...commonToWire(request),
    custom_expiry: maybe(request.customExpiry, expiryToWire),
    ...methodToWire(request),
  });
}

/**
 * Read a `POST /v2/charge` body (the simulator's side). Unknown fields are ignored; a missing
 * required field or a bad amount throws a ValidationError naming the wire field.
 */
export function fromWireCharge(wire: WireChargeRequest): ChargeRequest {
  reqObject(wire, 'body');
  return compact({
    ...commonFromWire(wire),
    customExpiry: maybe(wire.custom_expiry, expiryFromWire),
    ...methodFromWire(wire),
  });
}
