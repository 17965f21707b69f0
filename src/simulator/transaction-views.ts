/**
 * The wire views Midtrans gives of a transaction: the charge response, get-status, the payment
 * notification, action and refund responses. Which optional keys appear follows the fixtures.
 */

import { formatAmount } from '../domain/money.js';
import { computeSignature } from '../domain/signature.js';
import { formatMidtransTime } from '../domain/wire-time.js';
import type { JsonObject } from '../wire-types.js';
import type { SimRefund, SimTransaction } from './transaction.js';
import { statusCodeFor } from './transitions.js';

/** The fields every view starts with. */
function base(
  txn: SimTransaction,
  statusCode: string,
  statusMessage: string,
  merchantId?: string,
): JsonObject {
  const out: JsonObject = {
    status_code: statusCode,
    status_message: statusMessage,
    transaction_id: txn.transactionId,
    order_id: txn.orderId,
  };
  if (merchantId !== undefined) out.merchant_id = merchantId;
  out.gross_amount = formatAmount(txn.grossAmount);
  out.currency = 'IDR';
  out.payment_type = txn.paymentType;
  out.transaction_time = formatMidtransTime(new Date(txn.transactionTime));
  out.transaction_status = txn.status;
  if (txn.spec.fraud && txn.fraudStatus !== undefined) out.fraud_status = txn.fraudStatus;
  return out;
}

/** The charge response body. */
export function chargeView(
  txn: SimTransaction,
  merchantId: string,
  statusCode: string,
  message: string,
): JsonObject {
  const out = base(txn, statusCode, message, txn.spec.merchantIdInCharge ? merchantId : undefined);
  Object.assign(out, txn.fields, txn.chargeFields);
  if (txn.spec.expiryInCharge && txn.expiryTime !== undefined) {
    out.expiry_time = formatMidtransTime(new Date(txn.expiryTime));
  }
  Object.assign(out, txn.extras);
  return out;
}

/** The full transaction as get-status (`context: 'status'`) or a notification shows it. */
export function transactionView(
  txn: SimTransaction,
  merchantId: string,
  serverKey: string,
  context: 'status' | 'notification',
): JsonObject {
  const statusCode = statusCodeFor(txn.status, txn.fraudStatus, context);
  const message = context === 'status' ? 'Success, transaction is found' : 'midtrans payment notification';
  const out = base(txn, statusCode, message, merchantId);
  Object.assign(out, txn.fields);
  if (context === 'notification' && txn.spec.paymentAmounts) {
    out.payment_amounts =
      txn.settlementTime === undefined
        ? []
        : [
            {
              paid_at: formatMidtransTime(new Date(txn.settlementTime)),
              amount: formatAmount(txn.grossAmount),
            },
          ];
  }
  if (txn.settlementTime !== undefined)
    out.settlement_time = formatMidtransTime(new Date(txn.settlementTime));
  if (txn.expiryTime !== undefined && (txn.status === 'pending' || txn.status === 'expire')) {
    out.expiry_time = formatMidtransTime(new Date(txn.expiryTime));
  }
  if (txn.refunds.length > 0) {
    out.refund_amount = formatAmount(txn.refundedAmount);
    out.refunds = txn.refunds.map((refund) => refundEntry(refund));
  }
  Object.assign(out, txn.extras);
  out.signature_key = computeSignature(
    { order_id: txn.orderId, status_code: statusCode, gross_amount: out.gross_amount as string },
    serverKey,
  );
  return out;
}

function refundEntry(refund: SimRefund): JsonObject {
  const entry: JsonObject = {
    refund_chargeback_id: refund.id,
    refund_amount: formatAmount(refund.amount),
    created_at: formatMidtransTime(new Date(refund.createdAt)),
    reason: refund.reason,
    refund_key: refund.key,
  };
  if (refund.method) entry.refund_method = refund.method;
  if (refund.bankConfirmedAt !== undefined) {
    entry.bank_confirmed_at = formatMidtransTime(new Date(refund.bankConfirmedAt));
  }
  return entry;
}

/** Body of cancel / expire / approve / deny / capture responses. */
export function actionView(
  txn: SimTransaction,
  merchantId: string,
  statusCode: string,
  message: string,
): JsonObject {
  const out = base(txn, statusCode, message, merchantId);
  if (txn.card) {
    const { masked_card, bank } = txn.fields;
    if (masked_card !== undefined) out.masked_card = masked_card;
    if (bank !== undefined) out.bank = bank;
  }
  return out;
}

/**
 * The short head Midtrans answers expire and refund with: no merchant id, currency or fraud
 * status, and its keys in this order.
 */
export function briefView(txn: SimTransaction, statusCode: string, message: string): JsonObject {
  return {
    status_code: statusCode,
    status_message: message,
    transaction_id: txn.transactionId,
    order_id: txn.orderId,
    payment_type: txn.paymentType,
    transaction_time: formatMidtransTime(new Date(txn.transactionTime)),
    transaction_status: txn.status,
    gross_amount: formatAmount(txn.grossAmount),
  };
}

/** Body of a refund / direct refund response. */
export function refundView(
  txn: SimTransaction,
  statusCode: string,
  message: string,
  refundId: number,
  amount: number,
  key: string,
): JsonObject {
  return {
    ...briefView(txn, statusCode, message),
    refund_chargeback_id: refundId,
    refund_amount: formatAmount(amount),
    refund_key: key,
  };
}
