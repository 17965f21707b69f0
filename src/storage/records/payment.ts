/** The payment record: one row per Midtrans order, with everything needed to show and resume it. */
import type { PaymentStatus } from '../../constants.js';
import type { Idr } from '../../domain/money.js';
import type { JsonObject } from '../../wire-types.js';
import type { JsonArray } from '../json.js';
import type { Page, PageRequest } from '../paging.js';
import type { NewRecord, RecordPatch, StoredRecord, UpdateOptions } from './common.js';

/** A payment as stored. Nullable fields are null until Midtrans (or the caller) provides them. */
export interface Payment extends StoredRecord {
  /** Merchant order id sent to Midtrans (unique). */
  orderId: string;
  /** Midtrans `transaction_id` (unique once known). */
  transactionId: string | null;
  /** Midtrans `payment_type` (e.g. `bank_transfer`, `gopay`); null for a Snap payment not yet chosen. */
  paymentType: string | null;
  /** Amount in whole Rupiah. */
  grossAmount: Idr;
  /** ISO currency, `IDR`. */
  currency: string;
  /** Local status derived from Midtrans's statuses. */
  status: PaymentStatus;
  /** Last Midtrans `transaction_status` seen. */
  transactionStatus: string | null;
  /** Last Midtrans `fraud_status` seen. */
  fraudStatus: string | null;
  /** Last body `status_code` seen. */
  statusCode: string | null;
  /** Last `status_message` seen. */
  statusMessage: string | null;
  /** Bank of a virtual account or card. */
  bank: string | null;
  /** Virtual account number (including Permata's `permata_va_number`). */
  vaNumber: string | null;
  /** Mandiri Bill key. */
  billKey: string | null;
  /** Mandiri Bill biller code. */
  billerCode: string | null;
  /** Convenience-store payment code. */
  paymentCode: string | null;
  /** Convenience store (`indomaret`, `alfamart`). */
  store: string | null;
  /** QRIS QR string. */
  qrString: string | null;
  /** Midtrans `actions[]` (QR image, deeplink, status, cancel URLs). */
  actions: JsonArray | null;
  /** Redirect URL (3DS page, Snap page, Akulaku/Kredivo). */
  redirectUrl: string | null;
  /** E-wallet deeplink URL. */
  deeplinkUrl: string | null;
  /** Snap token, when paid through Snap. */
  snapToken: string | null;
  /** When the customer must have paid by. */
  expiryTime: Date | null;
  /** Midtrans `transaction_time`. */
  transactionTime: Date | null;
  /** Midtrans `settlement_time`. */
  settlementTime: Date | null;
  /** Customer first name (search and display). */
  customerFirstName: string | null;
  /** Customer last name. */
  customerLastName: string | null;
  /** Customer email (indexed for search). */
  customerEmail: string | null;
  /** Customer phone. */
  customerPhone: string | null;
  /** Full `customer_details` as sent (billing and shipping addresses). */
  customerDetails: JsonObject | null;
  /** `item_details` as sent (id, name, price, quantity, brand, category, merchant name, url). */
  itemDetails: JsonArray | null;
  /** Free-form metadata sent to Midtrans. */
  metadata: JsonObject | null;
  /** Midtrans `custom_field1`. */
  customField1: string | null;
  /** Midtrans `custom_field2`. */
  customField2: string | null;
  /** Midtrans `custom_field3`. */
  customField3: string | null;
  /** Host user who owns the payment. */
  userId: string | null;
  /** Subscription that produced this payment. */
  subscriptionId: string | null;
  /** Invoice this payment pays. */
  invoiceId: string | null;
  /** Payment link this payment was made through (Midtrans created the transaction). */
  paymentLinkId: string | null;
  /**
   * What the capture of a card pre-authorisation took, whole Rupiah: at most `grossAmount`, and
   * the most that can be refunded. Set before Midtrans is asked (one capture per authorisation);
   * null when the payment was never captured separately, i.e. its whole amount was charged.
   */
  capturedAmount: Idr | null;
  /** Total refunded so far, whole Rupiah (default 0). */
  refundedAmount: Idr;
  /** Number of refunds made (default 0). */
  refundCount: number;
  /** The charge request body as sent. */
  chargeRequest: JsonObject | null;
  /** The charge (or Snap create) response as received. */
  chargeResponse: JsonObject | null;
  /** The latest raw Midtrans body (status response or notification). */
  lastResponse: JsonObject | null;
  /** `Idempotency-Key` the charge is (or was) sent with; a retry within Midtrans's window reuses it. */
  idempotencyKey: string | null;
  /** Incremented on every update; see `UpdateOptions.expectedVersion`. */
  version: number;
  /** A reconciler owns this payment until then (set by `leaseForReconcile`); null when free. */
  reconcileLeaseUntil: Date | null;
}

/** Input of `payments.insert`. Defaults: currency `IDR`, status `created`, refunded 0, count 0. */
export type NewPayment = NewRecord<Payment, 'orderId' | 'grossAmount'>;

/** Input of `payments.update`. */
export type PaymentPatch = RecordPatch<Payment>;

/** Filters of `payments.list` (newest first). All given filters must match. */
export interface PaymentListQuery extends PageRequest {
  /** Only this user's payments. */
  userId?: string;
  /** Only these statuses. */
  status?: PaymentStatus | readonly PaymentStatus[];
  /** Only this payment type. */
  paymentType?: string;
  /** Only this Midtrans fraud status (e.g. `challenge` for the review queue). */
  fraudStatus?: string;
  /** Only this customer email (exact). */
  customerEmail?: string;
  /** Created at or after this time. */
  createdFrom?: Date;
  /** Created before this time. */
  createdBefore?: Date;
}

/** Query of `payments.listStale`: payments in some statuses, least recently updated first. */
export interface StalePaymentQuery extends PageRequest {
  /** Statuses to look at (e.g. created, pending, unknown). */
  statuses: readonly PaymentStatus[];
  /** Only rows not updated since this time. */
  updatedBefore?: Date;
  /** Only rows whose `expiryTime` has passed by this time (the expiry job). */
  expiredBy?: Date;
  /** Only rows created after this time (the reconciler's slower re-check of settled payments). */
  createdAfter?: Date;
  /** Only rows no reconciler holds a lease on at this time (`reconcileLeaseUntil` null or before it). */
  leaseFreeAt?: Date;
}

/** Payments outside a transaction. */
export interface PaymentRepository {
  /** Insert a payment; ConflictError if the order id (or transaction id) is taken. */
  insert(input: NewPayment): Promise<Payment>;
  /** The payment with this id, or undefined. */
  findById(id: string): Promise<Payment | undefined>;
  /** The payment with this order id, or undefined. */
  findByOrderId(orderId: string): Promise<Payment | undefined>;
  /** Whether a payment has this order id (cheaper than `findByOrderId`: nothing is decoded). */
  hasOrderId(orderId: string): Promise<boolean>;
  /** The payment with this Midtrans transaction id, or undefined. */
  findByTransactionId(transactionId: string): Promise<Payment | undefined>;
  /** Payments linked to an invoice, oldest first. */
  listByInvoice(invoiceId: string): Promise<Payment[]>;
  /** Payments made through a payment link, oldest first. */
  listByPaymentLink(paymentLinkId: string): Promise<Payment[]>;
  /** Change fields; NotFoundError if absent, ConflictError on a unique key or a stale `expectedVersion`. */
  update(id: string, patch: PaymentPatch, options?: UpdateOptions): Promise<Payment>;
  /** Keyset-paged list, newest first (by creation time, then id). */
  list(query?: PaymentListQuery): Promise<Page<Payment>>;
  /** Keyset-paged list for the reconciler, least recently updated first. */
  listStale(query: StalePaymentQuery): Promise<Page<Payment>>;
}

/** Payments inside `store.transaction`: adds locking reads. */
export interface LockingPaymentRepository extends PaymentRepository {
  /** Read and lock a payment until the transaction ends (`FOR UPDATE`). */
  lockById(id: string): Promise<Payment | undefined>;
  /** Read and lock by order id. */
  lockByOrderId(orderId: string): Promise<Payment | undefined>;
  /**
   * Lock up to `limit` stale payments (least recently updated first). With `skipLocked` (MySQL 8,
   * MariaDB 10.6, PostgreSQL), rows another worker holds are passed over, so workers share the work.
   */
  claimStale(query: StalePaymentQuery & { skipLocked?: boolean }): Promise<Payment[]>;
  /**
   * Set `reconcileLeaseUntil` on these payments without touching `updatedAt` or `version`: a lease is
   * bookkeeping of the reconciler, not a change of the payment.
   */
  leaseForReconcile(ids: readonly string[], until: Date): Promise<void>;
}
