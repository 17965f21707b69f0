/**
 * What the webhook engine decided about a delivery, and the HTTP status to answer Midtrans with.
 * Midtrans decides whether to retry from that status alone (docs/midtrans-wire.md §6.2: 2xx done, 500 → 1
 * retry, 503 → 4, 400/404 → 2, 301–303 → none, anything else → 5, spread over about six hours), so
 * each status is chosen for the retries it buys. docs/webhooks.md explains the table.
 */
import type { Notification, NotificationOutcome } from '../../storage/records/notification.js';

/** The engine's verdict on one delivery. */
export type NotificationVerdict =
  /** The payment changed. */
  | 'applied'
  /** The payment already had this status. */
  | 'duplicate'
  /** Older news than the payment's status (or a final status); ignored. */
  | 'stale'
  /** `signature_key` did not match the server key. */
  | 'rejected_signature'
  /** Midtrans's amount differs from the stored one; nothing applied. */
  | 'amount_mismatch'
  /** No payment, subscription or invoice for the order id (or no subscription for a recurring charge). */
  | 'unknown_order'
  /** Not a usable payment notification. */
  | 'malformed'
  /** A Recurring Notification the engine does not act on (the subscription object sent on creation). */
  | 'ignored'
  /** Our side failed (database, or the confirming status call); Midtrans should retry. */
  | 'error';

/** Every verdict, in a stable order. */
export const NOTIFICATION_VERDICTS: readonly NotificationVerdict[] = [
  'applied',
  'duplicate',
  'stale',
  'rejected_signature',
  'amount_mismatch',
  'unknown_order',
  'malformed',
  'ignored',
  'error',
];

/**
 * The status that buys the most retries (Midtrans's "anything else" row). 502 reads as what it is:
 * something behind the webhook (the database, or Midtrans's own status API) failed.
 */
export const RETRY_LATER_STATUS = 502;

/** HTTP status per verdict. */
export const VERDICT_HTTP_STATUS: Readonly<Record<NotificationVerdict, number>> = {
  applied: 200,
  duplicate: 200,
  stale: 200,
  // Retrying cannot change Midtrans's amount; the row and the `notification.rejected` event say it.
  amount_mismatch: 200,
  ignored: 200,
  // Two retries (~2 and ~10 minutes later) cover a notification that overtook its payment's insert.
  unknown_order: 404,
  // Two retries: enough for a body mangled in transit, pointless for one that is truly broken.
  malformed: 400,
  // "Anything else": five retries over ~6 hours, time to fix a rotated server key and replay.
  rejected_signature: 401,
  error: RETRY_LATER_STATUS,
};

/** The stored outcome of each verdict. */
export const VERDICT_OUTCOME: Readonly<Record<NotificationVerdict, NotificationOutcome>> = {
  applied: 'applied',
  duplicate: 'duplicate',
  stale: 'stale',
  rejected_signature: 'rejected_signature',
  amount_mismatch: 'rejected_amount_mismatch',
  unknown_order: 'unknown_order',
  malformed: 'malformed',
  ignored: 'ignored',
  error: 'failed',
};

/** The verdict a stored outcome came from (`received`: not processed yet). */
export function verdictOfOutcome(outcome: NotificationOutcome): NotificationVerdict | 'received' {
  if (outcome === 'received') return 'received';
  const found = NOTIFICATION_VERDICTS.find((verdict) => VERDICT_OUTCOME[verdict] === outcome);
  return found ?? 'error';
}

/** What `handle` and `reprocess` return for one delivery. */
export interface NotificationResult {
  /** The decision. */
  readonly verdict: NotificationVerdict;
  /** The status to answer Midtrans with. */
  readonly httpStatus: number;
  /** The stored delivery as it ended up; null only when it could not even be stored. */
  readonly notification: Notification | null;
}
