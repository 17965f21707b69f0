/**
 * Which operations Midtrans accepts on a transaction (docs/midtrans-wire.md §5.5). Checked against
 * Midtrans's own `transaction_status` / `fraud_status`, because those are what Midtrans enforces
 * (anything else is refused with body 412): asking first saves a round trip and gives a clear error.
 */
import type { FraudStatus, TransactionStatus } from '../constants.js';
import { PaymentOperation, type PaymentStatus } from '../constants.js';
import { InvalidStateError } from '../errors.js';
import { parseFraudStatus, parseTransactionStatus } from './status.js';

/** A transaction as Midtrans reports it; values are read as `toPaymentStatus` reads them. */
export interface MidtransTransactionState {
  /** Wire `transaction_status`, any case. */
  transactionStatus: string;
  /** Wire `fraud_status`; absent, null or blank when not evaluated. */
  fraudStatus?: string | null;
}

interface OperationRule {
  /** The transaction must be in one of these. */
  statuses: readonly TransactionStatus[];
  /** And, when set, carry this fraud verdict. */
  fraud?: FraudStatus;
}

// Approve/deny need a challenge (§5.5) on a transaction that is still open: once cancelled or
// denied, Midtrans has nothing left to decide.
const OPEN: readonly TransactionStatus[] = ['pending', 'authorize', 'capture'];

const RULES: Readonly<Record<PaymentOperation, OperationRule>> = {
  // Capture covers a challenged capture too; settlement can no longer be cancelled, only refunded.
  cancel: { statuses: OPEN },
  expire: { statuses: ['pending'] },
  capture: { statuses: ['authorize'] },
  refund: { statuses: ['settlement', 'partial_refund'] },
  approve: { statuses: OPEN, fraud: 'challenge' },
  deny: { statuses: OPEN, fraud: 'challenge' },
};

// A coarse local view, for UIs that only have the stored status; Midtrans's fields decide.
const BY_PAYMENT_STATUS: Readonly<Record<PaymentStatus, readonly PaymentOperation[]>> = {
  created: [],
  unknown: [],
  pending: ['cancel', 'expire'],
  challenge: ['cancel', 'approve', 'deny'],
  authorized: ['cancel', 'capture'],
  paid: ['cancel', 'refund'],
  partially_refunded: ['refund'],
  partially_charged_back: [],
  denied: [],
  cancelled: [],
  expired: [],
  failed: [],
  refunded: [],
  charged_back: [],
};

/**
 * Operations Midtrans accepts in this state, in `PaymentOperation` order:
 * cancel — pending, authorize, capture; expire — pending; capture — authorize;
 * refund — settlement, partial_refund; approve / deny — fraud_status challenge on pending, authorize
 * or capture.
 * @throws ValidationError for an unknown `transaction_status` or `fraud_status`.
 */
export function allowedOperations(state: MidtransTransactionState): PaymentOperation[] {
  const status = parseTransactionStatus(state.transactionStatus);
  const fraud = parseFraudStatus(state.fraudStatus);
  return Object.values(PaymentOperation).filter((operation) => {
    const rule = RULES[operation];
    return rule.statuses.includes(status) && (rule.fraud === undefined || rule.fraud === fraud);
  });
}

/**
 * Throw unless Midtrans would accept `operation` in this state.
 * @throws InvalidStateError carrying `operation` and, as `currentState`, the lower-case `transaction_status`.
 * @throws ValidationError for an unknown `transaction_status` or `fraud_status`.
 */
export function assertOperationAllowed(operation: PaymentOperation, state: MidtransTransactionState): void {
  if (allowedOperations(state).includes(operation)) return;
  const status = parseTransactionStatus(state.transactionStatus);
  const fraud = parseFraudStatus(state.fraudStatus) ?? 'absent';
  const rule = RULES[operation];
  const needsFraud = rule.fraud === undefined ? '' : ` and fraud_status ${rule.fraud}`;
  throw new InvalidStateError(
    operation,
    status,
    `Cannot ${operation} a transaction in transaction_status "${status}" (fraud_status ${fraud}): ` +
      `Midtrans allows it only with transaction_status ${rule.statuses.join(' or ')}${needsFraud}`,
  );
}

/**
 * Operations that may apply to a record in this local status: a hint for UIs and route guards.
 * It can be wider than the truth (`paid` covers both capture, which cancels, and settlement, which
 * refunds), so check with `allowedOperations` on Midtrans's fields before calling Midtrans.
 */
export function operationsForPaymentStatus(status: PaymentStatus): PaymentOperation[] {
  return [...BY_PAYMENT_STATUS[status]];
}
