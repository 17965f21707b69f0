/**
 * The one table of local status transitions. Notifications arrive duplicated and out of order
 * (docs/midtrans-wire.md §6.4), so every incoming status is classified against the stored one before it
 * is applied: only a move this table allows changes a record.
 */
import { PaymentStatus } from '../constants.js';

const ALL_STATUSES: readonly PaymentStatus[] = Object.values(PaymentStatus);

/**
 * States reachable only after the money arrived. Any open state may jump straight to them: when the
 * `settlement` notification was missed, a later `refund` is still the truth and must not be lost.
 */
const AFTER_PAID: readonly PaymentStatus[] = [
  'partially_refunded',
  'refunded',
  'partially_charged_back',
  'charged_back',
];

// Rows are documented, in words, on `canTransition`; the unit test pins every cell.
const NEXT: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  created: ALL_STATUSES.filter((status) => status !== 'created'),
  unknown: ALL_STATUSES.filter((status) => status !== 'unknown'),
  pending: ['challenge', 'authorized', 'paid', 'denied', 'cancelled', 'expired', 'failed', ...AFTER_PAID],
  challenge: ['paid', 'denied', 'cancelled', ...AFTER_PAID],
  authorized: ['paid', 'cancelled', 'denied', 'expired', ...AFTER_PAID],
  paid: [...AFTER_PAID, 'cancelled', 'denied'],
  partially_refunded: ['refunded', 'partially_charged_back', 'charged_back'],
  partially_charged_back: ['charged_back'],
  denied: [],
  cancelled: [],
  expired: [],
  failed: [],
  refunded: [],
  charged_back: [],
};

/** What to do with an incoming status: change the record, or record the event and ignore it. */
export type TransitionKind = 'apply' | 'duplicate' | 'stale';

/** Every status `from` may move to (the table on `canTransition`), in a stable order. */
export function nextStatuses(from: PaymentStatus): readonly PaymentStatus[] {
  return NEXT[from];
}

/**
 * Whether a record in `from` may move to `to`. Same → same is not a transition and returns false.
 *
 * | from                   | may move to                                                          |
 * |------------------------|----------------------------------------------------------------------|
 * | created                | any other status (Midtrans's first answer, or `unknown` on a timeout) |
 * | unknown                | any other status (resolved by what Midtrans reports)                 |
 * | pending                | challenge, authorized, paid, denied, cancelled, expired, failed, after-paid |
 * | challenge              | paid (approve), denied (deny), cancelled (auto-cancel), after-paid   |
 * | authorized             | paid (capture), cancelled, denied, expired (auto-release), after-paid |
 * | paid                   | after-paid, cancelled (capture voided before settlement), denied     |
 * | partially_refunded     | refunded, partially_charged_back, charged_back                       |
 * | partially_charged_back | charged_back                                                         |
 * | denied, cancelled, expired, failed, refunded, charged_back | nothing: final                   |
 *
 * "after-paid" = partially_refunded, refunded, partially_charged_back, charged_back; an open state may
 * jump there because a missed `settlement` notification must not make a later refund look stale.
 * paid → denied is Midtrans's documented provider reversal (Permata VA, Mandiri Bill, Indomaret).
 * A further partial refund leaves the status `partially_refunded`: at this level it is a duplicate,
 * and the caller tells a new refund apart by the cumulative `refund_amount`.
 */
export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * Classify an incoming status against the stored one: `duplicate` when it is the same status,
 * `apply` when the table allows the move, `stale` otherwise (older news, or a final state).
 */
export function classifyTransition(from: PaymentStatus, to: PaymentStatus): TransitionKind {
  if (from === to) return 'duplicate';
  return canTransition(from, to) ? 'apply' : 'stale';
}

const FINAL: ReadonlySet<PaymentStatus> = new Set(ALL_STATUSES.filter((status) => NEXT[status].length === 0));
const HOLDING_FUNDS: ReadonlySet<PaymentStatus> = new Set<PaymentStatus>([
  'paid',
  'partially_refunded',
  'partially_charged_back',
]);

/** A final status never changes again: denied, cancelled, expired, failed, refunded, charged_back. */
export function isFinal(status: PaymentStatus): boolean {
  return FINAL.has(status);
}

/**
 * The customer paid and the merchant still holds all or part of the money:
 * paid, partially_refunded, partially_charged_back.
 */
export function isPaid(status: PaymentStatus): boolean {
  return HOLDING_FUNDS.has(status);
}

/**
 * The outcome is still open (created, unknown, pending, challenge, authorized): the states a
 * reconciler re-checks with Midtrans. Every status is exactly one of final, paid, awaiting outcome.
 */
export function isAwaitingOutcome(status: PaymentStatus): boolean {
  return !isFinal(status) && !isPaid(status);
}
