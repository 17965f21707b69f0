/**
 * Midtrans's documented transaction lifecycle (docs/midtrans-wire.md §5), kept here on purpose:
 * the simulator plays Midtrans, so it must not borrow our library's own status rules.
 */
import type { TransactionStatus } from '../constants.js';

/** Allowed `transaction_status` moves. A move to the same status is allowed where listed. */
const NEXT: Readonly<Record<TransactionStatus, readonly TransactionStatus[]>> = {
  pending: ['settlement', 'capture', 'authorize', 'deny', 'cancel', 'expire', 'failure'],
  authorize: ['capture', 'cancel', 'deny', 'expire'],
  // capture → capture is the challenge → accept approval.
  capture: ['capture', 'settlement', 'cancel', 'deny'],
  // settlement → deny is the rare provider reversal (Permata, Mandiri Bill, Indomaret).
  settlement: ['refund', 'partial_refund', 'chargeback', 'partial_chargeback', 'deny'],
  partial_refund: ['refund', 'partial_refund', 'chargeback', 'partial_chargeback'],
  partial_chargeback: ['chargeback', 'partial_chargeback'],
  deny: [],
  cancel: [],
  expire: [],
  failure: [],
  refund: [],
  chargeback: [],
};

/** Whether Midtrans documents a move from `from` to `to`. */
export function canTransition(from: TransactionStatus, to: TransactionStatus): boolean {
  return NEXT[from].includes(to);
}

/** Merchant API operations and the statuses they are allowed from (§5.5); anything else is body 412. */
export const OPERATION_FROM: Readonly<Record<string, readonly TransactionStatus[]>> = {
  cancel: ['pending', 'authorize', 'capture'],
  expire: ['pending'],
  capture: ['authorize'],
  refund: ['settlement', 'partial_refund'],
};

/** Whether an operation is allowed from a status. */
export function operationAllowed(operation: keyof typeof OPERATION_FROM, status: TransactionStatus): boolean {
  return OPERATION_FROM[operation]?.includes(status) ?? false;
}

/** Statuses from which an `order_id` may be charged again (§5.5). */
export function orderIdReusable(status: TransactionStatus): boolean {
  return status === 'expire' || status === 'cancel';
}

/**
 * Body `status_code` for a transaction in a status (§5.4). `context` distinguishes the
 * notification (cancel/expire are 202) from get-status (expire is 407).
 */
export function statusCodeFor(
  status: TransactionStatus,
  fraud: string | undefined,
  context: 'status' | 'notification',
): string {
  switch (status) {
    case 'pending':
      return '201';
    case 'capture':
      return fraud === 'challenge' ? '201' : '200';
    case 'deny':
    case 'cancel':
    case 'failure':
      return '202';
    case 'expire':
      return context === 'status' ? '407' : '202';
    default:
      return '200';
  }
}
