/**
 * Core API transactions (charge, status and action responses, notifications) ⇄ `Transaction`.
 * Modelled: every field `WireTransaction` names; other wire fields are dropped.
 */
import type { WireTransaction } from '../../wire-types.js';
import type { Transaction } from '../types.js';
import { customFieldsFromWire, customFieldsToWire } from './common.js';
import { instructionsFromWire, instructionsToWire } from './instructions.js';
import {
  optAmount,
  optArray,
  optInt,
  optObject,
  optString,
  optTime,
  reqAmount,
  reqObject,
  reqString,
} from './read.js';
import {
  cardFromWire,
  cardToWire,
  paymentAmountFromWire,
  paymentAmountToWire,
  refundFromWire,
  refundToWire,
  walletFromWire,
  walletToWire,
} from './transaction-parts.js';
import { compact, maybe, outAmount, outTime } from './write.js';

/**
 * Read a transaction as Midtrans sends it. Amounts are parsed exactly, times as GMT+7;
 * a missing required field or a bad amount throws a ValidationError naming the wire field.
 */
export function fromWireTransaction(wire: WireTransaction): Transaction {
  reqObject(wire, 'body');
  return compact({
    statusCode: reqString(wire.status_code, 'status_code'),
    statusMessage: optString(wire.status_message, 'status_message'),
    transactionId: reqString(wire.transaction_id, 'transaction_id'),
    orderId: reqString(wire.order_id, 'order_id'),
    merchantId: optString(wire.merchant_id, 'merchant_id'),
    grossAmount: reqAmount(wire.gross_amount, 'gross_amount'),
    currency: optString(wire.currency, 'currency'),
    paymentType: reqString(wire.payment_type, 'payment_type'),
    transactionTime: optTime(wire.transaction_time, 'transaction_time'),
    transactionStatus: reqString(wire.transaction_status, 'transaction_status'),
    fraudStatus: optString(wire.fraud_status, 'fraud_status'),
    expiryTime: optTime(wire.expiry_time, 'expiry_time'),
    settlementTime: optTime(wire.settlement_time, 'settlement_time'),
    signatureKey: optString(wire.signature_key, 'signature_key'),
    instructions: instructionsFromWire(wire),
    paymentAmounts: optArray(wire.payment_amounts, 'payment_amounts', paymentAmountFromWire),
    card: cardFromWire(wire),
    wallet: walletFromWire(wire),
    approvalCode: optString(wire.approval_code, 'approval_code'),
    channelResponseCode: optString(wire.channel_response_code, 'channel_response_code'),
    channelResponseMessage: optString(wire.channel_response_message, 'channel_response_message'),
    customFields: customFieldsFromWire(wire),
    metadata: optObject(wire.metadata, 'metadata'),
    refundAmount: optAmount(wire.refund_amount, 'refund_amount'),
    refunds: optArray(wire.refunds, 'refunds', refundFromWire),
    refundChargebackId: optInt(wire.refund_chargeback_id, 'refund_chargeback_id'),
    refundKey: optString(wire.refund_key, 'refund_key'),
  });
}

/**
 * Write a transaction the way Midtrans does (the simulator's side): amounts as `"N.00"`,
 * times as `YYYY-MM-DD HH:MM:SS` GMT+7.
 */
export function toWireTransaction(tx: Transaction): WireTransaction {
  return compact({
    status_code: tx.statusCode,
    status_message: tx.statusMessage,
    transaction_id: tx.transactionId,
    order_id: tx.orderId,
    merchant_id: tx.merchantId,
    gross_amount: outAmount(tx.grossAmount, 'grossAmount'),
    currency: tx.currency,
    payment_type: tx.paymentType,
    transaction_time: outTime(tx.transactionTime, 'transactionTime'),
    transaction_status: tx.transactionStatus,
    fraud_status: tx.fraudStatus,
    expiry_time: outTime(tx.expiryTime, 'expiryTime'),
    settlement_time: outTime(tx.settlementTime, 'settlementTime'),
    signature_key: tx.signatureKey,
    ...instructionsToWire(tx.instructions),
    payment_amounts: tx.paymentAmounts?.map(paymentAmountToWire),
    ...cardToWire(tx.card),
    ...walletToWire(tx.wallet),
    approval_code: tx.approvalCode,
    channel_response_code: tx.channelResponseCode,
    channel_response_message: tx.channelResponseMessage,
    ...customFieldsToWire(tx.customFields),
    metadata: tx.metadata,
    refund_amount: maybe(tx.refundAmount, (amount) => outAmount(amount, 'refundAmount')),
    refunds: tx.refunds?.map(refundToWire),
    refund_chargeback_id: tx.refundChargebackId,
    refund_key: tx.refundKey,
  });
}
