/** The notification record: every webhook delivery, what it said and what was done with it. */
import type { JsonObject } from '../../wire-types.js';
import type { Page, PageRequest } from '../paging.js';
import type { NewRecord, RecordPatch, StoredRecord } from './common.js';

/** What became of a webhook delivery. */
export type NotificationOutcome =
  /** Stored, not yet processed. */
  | 'received'
  /** Changed the payment (or invoice/subscription). */
  | 'applied'
  /** Same state already recorded; nothing changed. */
  | 'duplicate'
  /** Older than the state already recorded; ignored. */
  | 'stale'
  /** `signature_key` did not match. */
  | 'rejected_signature'
  /** `gross_amount` differs from the stored payment's. */
  | 'rejected_amount_mismatch'
  /** No local record for its order id. */
  | 'unknown_order'
  /** Processing threw; see `error`. */
  | 'failed'
  /** Not a usable payment notification (bad JSON, missing fields); see `error`. */
  | 'malformed'
  /** Understood but not acted on (e.g. a recurring subscription event, handled by a later release). */
  | 'ignored';

/** A notification as stored. The summary fields are copied from the body and may be null. */
export interface Notification extends StoredRecord {
  /** The body exactly as received (the signature is over its text). */
  rawBody: string;
  /** Request headers. */
  headers: JsonObject | null;
  /** `order_id` from the body. */
  orderId: string | null;
  /** `transaction_id` from the body. */
  transactionId: string | null;
  /** `transaction_status` from the body. */
  transactionStatus: string | null;
  /** `fraud_status` from the body. */
  fraudStatus: string | null;
  /** `payment_type` from the body. */
  paymentType: string | null;
  /** `status_code` from the body. */
  statusCode: string | null;
  /** `gross_amount` exactly as received (e.g. `"150000.00"`). */
  grossAmount: string | null;
  /** `signature_key` from the body. */
  signatureKey: string | null;
  /** Signature verdict; null when not checked (e.g. subscription events carry none). */
  signatureValid: boolean | null;
  /** What was done with it. */
  outcome: NotificationOutcome;
  /** Error text when the outcome is a rejection or failure. */
  error: string | null;
  /** When it arrived. */
  receivedAt: Date;
  /** When processing finished. */
  processedAt: Date | null;
  /** The payment it concerns, once known. */
  paymentId: string | null;
  /** For a replay (`reprocess`): the id of the original delivery whose raw body was run again. */
  replayOf: string | null;
}

/** Input of `notifications.insert`. Defaults: outcome `received`, `receivedAt` now. */
export type NewNotification = NewRecord<Notification, 'rawBody'>;

/** Input of `notifications.update`. */
export type NotificationPatch = RecordPatch<Notification>;

/** Filters of `notifications.list` (most recently received first). */
export interface NotificationListQuery extends PageRequest {
  /** Only deliveries for this order id. */
  orderId?: string;
  /** Only deliveries with this outcome. */
  outcome?: NotificationOutcome;
  /** Only deliveries received before this time. */
  receivedBefore?: Date;
}

/** Notifications. */
export interface NotificationRepository {
  /** Record a delivery. */
  insert(input: NewNotification): Promise<Notification>;
  /** The notification with this id, or undefined. */
  findById(id: string): Promise<Notification | undefined>;
  /** Change fields (outcome, error, processedAt, paymentId…); NotFoundError if absent. */
  update(id: string, patch: NotificationPatch): Promise<Notification>;
  /** Keyset-paged list, most recently received first. */
  list(query?: NotificationListQuery): Promise<Page<Notification>>;
}
