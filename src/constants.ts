/**
 * Midtrans vocabulary as `as const` objects with derived union types.
 * Values are exactly the strings Midtrans puts on the wire.
 */

/** Every `payment_type` midtrans-kit can charge through the Core API. */
export const PaymentType = {
  BANK_TRANSFER: 'bank_transfer',
  ECHANNEL: 'echannel',
  CREDIT_CARD: 'credit_card',
  GOPAY: 'gopay',
  SHOPEEPAY: 'shopeepay',
  QRIS: 'qris',
  CSTORE: 'cstore',
  AKULAKU: 'akulaku',
  KREDIVO: 'kredivo',
} as const;
/** A Core API `payment_type`. */
export type PaymentType = (typeof PaymentType)[keyof typeof PaymentType];

/** Banks accepted in `bank_transfer.bank`. */
export const Bank = {
  BCA: 'bca',
  BNI: 'bni',
  BRI: 'bri',
  CIMB: 'cimb',
  PERMATA: 'permata',
} as const;
/** A virtual-account bank. */
export type Bank = (typeof Bank)[keyof typeof Bank];

/** Convenience stores accepted in `cstore.store`. */
export const ConvenienceStore = {
  INDOMARET: 'indomaret',
  ALFAMART: 'alfamart',
} as const;
/** A convenience store. */
export type ConvenienceStore = (typeof ConvenienceStore)[keyof typeof ConvenienceStore];

/** QRIS acquirers accepted in `qris.acquirer`. */
export const QrisAcquirer = {
  GOPAY: 'gopay',
  SHOPEE: 'airpay shopee',
} as const;
/** A QRIS acquirer. */
export type QrisAcquirer = (typeof QrisAcquirer)[keyof typeof QrisAcquirer];

/** Midtrans `transaction_status` values (lower case; compare case-insensitively on input). */
export const TransactionStatus = {
  PENDING: 'pending',
  AUTHORIZE: 'authorize',
  CAPTURE: 'capture',
  SETTLEMENT: 'settlement',
  DENY: 'deny',
  CANCEL: 'cancel',
  EXPIRE: 'expire',
  FAILURE: 'failure',
  REFUND: 'refund',
  PARTIAL_REFUND: 'partial_refund',
  CHARGEBACK: 'chargeback',
  PARTIAL_CHARGEBACK: 'partial_chargeback',
} as const;
/** A Midtrans `transaction_status`. */
export type TransactionStatus = (typeof TransactionStatus)[keyof typeof TransactionStatus];

/** Midtrans `fraud_status` values. Absent on some payment types; treat absence as not evaluated. */
export const FraudStatus = {
  ACCEPT: 'accept',
  CHALLENGE: 'challenge',
  DENY: 'deny',
} as const;
/** A Midtrans `fraud_status`. */
export type FraudStatus = (typeof FraudStatus)[keyof typeof FraudStatus];

/**
 * The local status midtrans-kit keeps on a payment record, derived from
 * (transaction_status, fraud_status) by `toPaymentStatus`.
 */
export const PaymentStatus = {
  /** Record written, Midtrans not yet called or its answer not yet stored. */
  CREATED: 'created',
  /** Waiting for the customer (VA, QR, store, 3DS). */
  PENDING: 'pending',
  /** Card captured but flagged by fraud detection: approve or deny it. */
  CHALLENGE: 'challenge',
  /** Funds reserved (pre-authorisation); capture or cancel it. */
  AUTHORIZED: 'authorized',
  /** Money received (capture/accept or settlement). */
  PAID: 'paid',
  /** Rejected by the bank or fraud detection. */
  DENIED: 'denied',
  /** Cancelled by the merchant or Midtrans. */
  CANCELLED: 'cancelled',
  /** Not paid in time. */
  EXPIRED: 'expired',
  /** Processing failure at the provider. */
  FAILED: 'failed',
  /** Part of the amount returned. */
  PARTIALLY_REFUNDED: 'partially_refunded',
  /** The whole amount returned. */
  REFUNDED: 'refunded',
  /** Part of the amount charged back by the card holder. */
  PARTIALLY_CHARGED_BACK: 'partially_charged_back',
  /** The whole amount charged back. */
  CHARGED_BACK: 'charged_back',
  /** The outcome is not known (Midtrans could not be reached); the reconciler resolves it. */
  UNKNOWN: 'unknown',
} as const;
/** A local payment status. */
export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus];

/** Operations a merchant can ask Midtrans to perform on an existing transaction. */
export const PaymentOperation = {
  CANCEL: 'cancel',
  EXPIRE: 'expire',
  CAPTURE: 'capture',
  REFUND: 'refund',
  APPROVE: 'approve',
  DENY: 'deny',
} as const;
/** An operation on an existing transaction. */
export type PaymentOperation = (typeof PaymentOperation)[keyof typeof PaymentOperation];

/** Subscription billing units (`schedule.interval_unit`). */
export const IntervalUnit = { DAY: 'day', WEEK: 'week', MONTH: 'month' } as const;
/** A subscription billing unit. */
export type IntervalUnit = (typeof IntervalUnit)[keyof typeof IntervalUnit];

/** Subscription retry units (`retry_schedule.interval_unit`). */
export const RetryIntervalUnit = { MINUTE: 'minute', HOUR: 'hour', DAY: 'day' } as const;
/** A subscription retry unit. */
export type RetryIntervalUnit = (typeof RetryIntervalUnit)[keyof typeof RetryIntervalUnit];

/** Payment types a Midtrans subscription can use. */
export const SubscriptionPaymentType = { CREDIT_CARD: 'credit_card', GOPAY: 'gopay' } as const;
/** A subscription payment type. */
export type SubscriptionPaymentType = (typeof SubscriptionPaymentType)[keyof typeof SubscriptionPaymentType];

/** Midtrans subscription `status`. */
export const SubscriptionStatus = { ACTIVE: 'active', INACTIVE: 'inactive' } as const;
/** A Midtrans subscription status. */
export type SubscriptionStatus = (typeof SubscriptionStatus)[keyof typeof SubscriptionStatus];

/** Midtrans invoice `status`. */
export const InvoiceStatus = {
  DRAFT: 'draft',
  PENDING: 'pending',
  PUBLISHED: 'published',
  EXPIRED: 'expired',
  OVERDUE: 'overdue',
  PAID: 'paid',
  VOIDED: 'voided',
  REJECTED: 'rejected',
  CANCELED: 'canceled',
} as const;
/** A Midtrans invoice status. */
export type InvoiceStatus = (typeof InvoiceStatus)[keyof typeof InvoiceStatus];

/** Invoicing `payment_type`. */
export const InvoicePaymentType = {
  PAYMENT_LINK: 'payment_link',
  VIRTUAL_ACCOUNT: 'virtual_account',
} as const;
/** An invoicing payment type. */
export type InvoicePaymentType = (typeof InvoicePaymentType)[keyof typeof InvoicePaymentType];

/** Midtrans API base URLs per environment. */
export const MidtransBaseUrl = {
  sandbox: { api: 'https://api.sandbox.midtrans.com', snap: 'https://app.sandbox.midtrans.com/snap/v1' },
  production: { api: 'https://api.midtrans.com', snap: 'https://app.midtrans.com/snap/v1' },
} as const;

/** Only currency Midtrans settles in. */
export const CURRENCY = 'IDR';

export { IDEMPOTENCY_KEY_MAX_LENGTH, INVOICE_ORDER_ID_MAX_LENGTH, ORDER_ID_MAX_LENGTH } from './limits.js';
