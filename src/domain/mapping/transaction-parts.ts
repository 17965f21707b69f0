/**
 * Groups of a Core API transaction: refunds, part payments, card and e-wallet details.
 */
import type { WireRefundEntry, WireTransaction } from '../../wire-types.js';
import type { CardDetails, PaymentAmount, TransactionRefund, WalletDetails } from '../types.js';
import { optBool, optOneOf, optString, optTime, reqAmount, reqInt, reqObject, reqTime } from './read.js';
import { compact, compactOrUndefined, outAmount, outTime, reqOutTime } from './write.js';

const REFUND_METHOD = { ONLINE: 'online', OFFLINE: 'offline' } as const;

/** One `refunds[]` entry from the wire. */
export function refundFromWire(value: unknown, path: string): TransactionRefund {
  const wire = reqObject(value, path);
  return compact({
    refundChargebackId: reqInt(wire.refund_chargeback_id, `${path}.refund_chargeback_id`),
    amount: reqAmount(wire.refund_amount, `${path}.refund_amount`),
    createdAt: reqTime(wire.created_at, `${path}.created_at`),
    reason: optString(wire.reason, `${path}.reason`),
    refundKey: optString(wire.refund_key, `${path}.refund_key`),
    refundMethod: optOneOf(wire.refund_method, REFUND_METHOD, `${path}.refund_method`),
    bankConfirmedAt: optTime(wire.bank_confirmed_at, `${path}.bank_confirmed_at`),
  });
}

/** One `refunds[]` entry to the wire. */
export function refundToWire(refund: TransactionRefund, index: number): WireRefundEntry {
  const path = `refunds.${index}`;
  return compact({
    refund_chargeback_id: refund.refundChargebackId,
    refund_amount: outAmount(refund.amount, `${path}.amount`),
    created_at: reqOutTime(refund.createdAt, `${path}.createdAt`),
    reason: refund.reason,
    refund_key: refund.refundKey,
    refund_method: refund.refundMethod,
    bank_confirmed_at: outTime(refund.bankConfirmedAt, `${path}.bankConfirmedAt`),
  });
}

/** One `payment_amounts[]` entry from the wire. */
export function paymentAmountFromWire(value: unknown, path: string): PaymentAmount {
  const wire = reqObject(value, path);
  return {
    paidAt: reqTime(wire.paid_at, `${path}.paid_at`),
    amount: reqAmount(wire.amount, `${path}.amount`),
  };
}

/** Card fields of a transaction; `undefined` when there are none. */
export function cardFromWire(wire: WireTransaction): CardDetails | undefined {
  return compactOrUndefined({
    maskedCard: optString(wire.masked_card, 'masked_card'),
    cardType: optString(wire.card_type, 'card_type'),
    bank: optString(wire.bank, 'bank'),
    eci: optString(wire.eci, 'eci'),
    threeDsVersion: optString(wire.three_ds_version, 'three_ds_version'),
    onUs: optBool(wire.on_us, 'on_us'),
    savedTokenId: optString(wire.saved_token_id, 'saved_token_id'),
    savedTokenIdExpiredAt: optTime(wire.saved_token_id_expired_at, 'saved_token_id_expired_at'),
  });
}

/** E-wallet and QRIS fields of a transaction; `undefined` when there are none. */
export function walletFromWire(wire: WireTransaction): WalletDetails | undefined {
  return compactOrUndefined({
    acquirer: optString(wire.acquirer, 'acquirer'),
    issuer: optString(wire.issuer, 'issuer'),
    transactionType: optString(wire.transaction_type, 'transaction_type'),
    merchantCrossReferenceId: optString(wire.merchant_cross_reference_id, 'merchant_cross_reference_id'),
    shopeepayReferenceNumber: optString(wire.shopeepay_reference_number, 'shopeepay_reference_number'),
    referenceId: optString(wire.reference_id, 'reference_id'),
    paymentOptionType: optString(wire.payment_option_type, 'payment_option_type'),
    expireTime: optTime(wire.expire_time, 'expire_time'),
  });
}

/** One `payment_amounts[]` entry to the wire. */
export function paymentAmountToWire(part: PaymentAmount, index: number): { paid_at: string; amount: string } {
  return {
    paid_at: reqOutTime(part.paidAt, `paymentAmounts.${index}.paidAt`),
    amount: outAmount(part.amount, `paymentAmounts.${index}.amount`),
  };
}

/** Card fields back onto the transaction body. */
export function cardToWire(card: CardDetails = {}): Partial<WireTransaction> {
  return {
    masked_card: card.maskedCard,
    card_type: card.cardType,
    bank: card.bank,
    eci: card.eci,
    three_ds_version: card.threeDsVersion,
    on_us: card.onUs,
    saved_token_id: card.savedTokenId,
    saved_token_id_expired_at: outTime(card.savedTokenIdExpiredAt, 'card.savedTokenIdExpiredAt'),
  };
}

/** E-wallet and QRIS fields back onto the transaction body. */
export function walletToWire(wallet: WalletDetails = {}): Partial<WireTransaction> {
  return {
    acquirer: wallet.acquirer,
    issuer: wallet.issuer,
    transaction_type: wallet.transactionType,
    merchant_cross_reference_id: wallet.merchantCrossReferenceId,
    shopeepay_reference_number: wallet.shopeepayReferenceNumber,
    reference_id: wallet.referenceId,
    payment_option_type: wallet.paymentOptionType,
    expire_time: outTime(wallet.expireTime, 'wallet.expireTime'),
  };
}
