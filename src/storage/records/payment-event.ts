/** The payment event record: one row per status change of a payment (its history). */
import type { PaymentStatus } from '../../constants.js';
import type { JsonObject } from '../../wire-types.js';
import type { NewRecord, StoredRecord } from './common.js';

/** What caused a status change. */
export type PaymentEventSource = 'api' | 'notification' | 'reconciler' | 'manual';

/** A status change as stored. Immutable once written. */
export interface PaymentEvent extends StoredRecord {
  /** The payment. */
  paymentId: string;
  /** Status before (null for the first event). */
  fromStatus: PaymentStatus | null;
  /** Status after. */
  toStatus: PaymentStatus;
  /** What caused it. */
  source: PaymentEventSource;
  /** The notification that caused it, when one did. */
  notificationId: string | null;
  /** Extra detail (Midtrans statuses, operator, reason…). */
  data: JsonObject | null;
}

/** Input of `paymentEvents.insert`. */
export type NewPaymentEvent = NewRecord<PaymentEvent, 'paymentId' | 'toStatus' | 'source'>;

/** Payment status history. */
export interface PaymentEventRepository {
  /** Append an event. */
  insert(input: NewPaymentEvent): Promise<PaymentEvent>;
  /** The history of a payment, oldest first. */
  listByPayment(paymentId: string): Promise<PaymentEvent[]>;
}
