/**
 * Midtrans's (`transaction_status`, `fraud_status`) pair → the local PaymentStatus.
 * Input is read leniently in form (trimmed, any case: one docs sample sends "PENDING") but strictly in
 * content: a value Midtrans never documented throws, because mapping it to a guess could mark an
 * unpaid order as paid or the reverse.
 */
import { FraudStatus, type PaymentStatus, TransactionStatus } from '../constants.js';
import { ValidationError } from '../errors.js';

const TRANSACTION_STATUSES: ReadonlySet<string> = new Set(Object.values(TransactionStatus));
const FRAUD_STATUSES: ReadonlySet<string> = new Set(Object.values(FraudStatus));

// Rows: transaction_status; columns: fraud_status (absent reads as accept). Explained on toPaymentStatus.
const OUTCOME: Readonly<Record<TransactionStatus, Readonly<Record<FraudStatus, PaymentStatus>>>> = {
  pending: { accept: 'pending', challenge: 'pending', deny: 'denied' },
  authorize: { accept: 'authorized', challenge: 'authorized', deny: 'denied' },
  capture: { accept: 'paid', challenge: 'challenge', deny: 'denied' },
  settlement: { accept: 'paid', challenge: 'challenge', deny: 'denied' },
  deny: whatever('denied'),
  cancel: whatever('cancelled'),
  expire: whatever('expired'),
  failure: whatever('failed'),
  refund: whatever('refunded'),
  partial_refund: whatever('partially_refunded'),
  chargeback: whatever('charged_back'),
  partial_chargeback: whatever('partially_charged_back'),
};

/**
 * Read a wire `transaction_status` (trimmed, case-insensitive).
 * @throws ValidationError (field `transaction_status`) for a missing, non-string or undocumented value.
 */
export function parseTransactionStatus(value: unknown): TransactionStatus {
  const normalized = normalize(value);
  if (normalized === undefined || !isTransactionStatus(normalized)) {
    throw new ValidationError({
      field: 'transaction_status',
      reason: `must be one of ${[...TRANSACTION_STATUSES].join(', ')} (got ${describe(value)})`,
    });
  }
  return normalized;
}

/**
 * Read a wire `fraud_status` (trimmed, case-insensitive). `undefined`, `null` and a blank string all
 * mean "absent" (cstore and other methods omit it) and return `undefined`.
 * @throws ValidationError (field `fraud_status`) for a non-string or undocumented value.
 */
export function parseFraudStatus(value: unknown): FraudStatus | undefined {
  if (value === undefined || value === null) return undefined;
  const normalized = normalize(value);
  if (normalized === '') return undefined;
  if (normalized === undefined || !isFraudStatus(normalized)) {
    throw new ValidationError({
      field: 'fraud_status',
      reason: `must be one of ${[...FRAUD_STATUSES].join(', ')} or absent (got ${describe(value)})`,
    });
  }
  return normalized;
}

/**
 * Derive the local PaymentStatus from what Midtrans reports (docs/midtrans-wire.md §5.3):
 *
 * | transaction_status            | fraud accept / absent | fraud challenge | fraud deny |
 * |-------------------------------|-----------------------|-----------------|------------|
 * | pending                       | pending               | pending         | denied     |
 * | authorize                     | authorized            | authorized      | denied     |
 * | capture, settlement           | paid                  | challenge       | denied     |
 * | deny / cancel / expire / failure | denied / cancelled / expired / failed, whatever the fraud verdict |
 * | refund / partial_refund       | refunded / partially_refunded, whatever the fraud verdict          |
 * | chargeback / partial_chargeback | charged_back / partially_charged_back, whatever the verdict      |
 *
 * Choices where the docs are silent: a fraud `deny` on a still-open transaction is `denied`, while
 * closed outcomes keep their own meaning; `settlement` + `challenge` (challenged captures are
 * auto-cancelled at settlement, so it should not occur) is `challenge`, so nothing ships before a
 * human decides; `authorize` + `challenge` stays `authorized`, as no money moved and approve/deny
 * availability is read from Midtrans's fields by `allowedOperations`.
 * Never returns `created` or `unknown`: those are local-only states.
 * @throws ValidationError for an unknown `transaction_status` or `fraud_status`.
 */
export function toPaymentStatus(transactionStatus: string, fraudStatus?: string | null): PaymentStatus {
  const row = OUTCOME[parseTransactionStatus(transactionStatus)];
  return row[parseFraudStatus(fraudStatus) ?? 'accept'];
}

/** The body fields `isSuccessNotification` reads; typed loosely so a raw, unvalidated body fits. */
export interface SuccessCheckFields {
  status_code?: unknown;
  transaction_status?: unknown;
  fraud_status?: unknown;
}

/**
 * Midtrans's documented success check for a notification or status body (docs/midtrans-wire.md §5.3):
 * `status_code` is `"200"`, `transaction_status` is settlement or capture, and `fraud_status` is
 * absent or accept. Never throws: anything unexpected is simply not a success.
 */
export function isSuccessNotification(fields: SuccessCheckFields): boolean {
  const status = normalize(fields.transaction_status);
  const fraud = normalize(fields.fraud_status ?? '');
  const fraudAccepted = fraud === '' || fraud === FraudStatus.ACCEPT;
  return (
    fields.status_code === '200' &&
    (status === TransactionStatus.SETTLEMENT || status === TransactionStatus.CAPTURE) &&
    fraudAccepted
  );
}

function whatever(status: PaymentStatus): Readonly<Record<FraudStatus, PaymentStatus>> {
  return { accept: status, challenge: status, deny: status };
}

function normalize(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return value === null ? 'null' : typeof value;
}

function isTransactionStatus(value: string): value is TransactionStatus {
  return TRANSACTION_STATUSES.has(value);
}

function isFraudStatus(value: string): value is FraudStatus {
  return FRAUD_STATUSES.has(value);
}
