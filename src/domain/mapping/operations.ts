/**
 * Operations on existing transactions: capture and refund requests, refund results.
 */
import type { WireCaptureRequest, WireRefundRequest, WireRefundResponse } from '../../wire-types.js';
import { assertAmount } from '../money.js';
import type { CaptureRequest, RefundRequest, RefundResult } from '../types.js';
import { optAmount, optString, reqAmount, reqInt, reqObject, reqString } from './read.js';
import { fromWireTransaction, toWireTransaction } from './transaction.js';
import { compact, maybe, outAmount } from './write.js';

/** Build a `POST /v2/capture` body. */
export function toWireCapture(request: CaptureRequest): WireCaptureRequest {
  return compact({
    transaction_id: request.transactionId,
    gross_amount: maybe(request.grossAmount, (amount) => assertAmount(amount, 'grossAmount')),
  });
}

/** Read a `POST /v2/capture` body. */
export function fromWireCapture(wire: WireCaptureRequest): CaptureRequest {
  reqObject(wire, 'body');
  return compact({
    transactionId: reqString(wire.transaction_id, 'transaction_id'),
    grossAmount: optAmount(wire.gross_amount, 'gross_amount', 1),
  });
}

/** Build a refund body. */
export function toWireRefund(request: RefundRequest): WireRefundRequest {
  return compact({
    refund_key: request.refundKey,
    amount: maybe(request.amount, (amount) => assertAmount(amount, 'amount')),
    reason: request.reason,
  });
}

/** Read a refund body. */
export function fromWireRefund(wire: WireRefundRequest): RefundRequest {
  reqObject(wire, 'body');
  return compact({
    refundKey: optString(wire.refund_key, 'refund_key'),
    amount: optAmount(wire.amount, 'amount', 1),
    reason: optString(wire.reason, 'reason'),
  });
}

/** Read a refund or direct-refund response; `refundAmount` is this refund's amount. */
export function fromWireRefundResult(wire: WireRefundResponse): RefundResult {
  const tx = fromWireTransaction(wire);
  return {
    ...tx,
    refundChargebackId: reqInt(wire.refund_chargeback_id, 'refund_chargeback_id'),
    refundAmount: reqAmount(wire.refund_amount, 'refund_amount'),
    refundKey: reqString(wire.refund_key, 'refund_key'),
  };
}

/** Write a refund response (the simulator's side). */
export function toWireRefundResult(result: RefundResult): WireRefundResponse {
  const wire = toWireTransaction(result);
  return {
    ...wire,
    refund_chargeback_id: result.refundChargebackId,
    refund_amount: outAmount(result.refundAmount, 'refundAmount'),
    refund_key: result.refundKey,
  };
}
