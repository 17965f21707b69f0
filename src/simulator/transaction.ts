/**
 * The simulator's transaction record and the per-payment-type flags that shape it.
 * Its wire views live in transaction-views.ts.
 */

import type { FraudStatus, TransactionStatus } from '../constants.js';
import type { JsonObject, JsonValue } from '../wire-types.js';
import type { ScheduledTask } from './scheduler.js';

/** Rendering and rule flags of a payment type (or a bank / store within one). */
export interface MethodSpec {
  /** `status_message` of a successful charge. */
  chargeMessage: string;
  /** Whether the charge response carries `merchant_id` (absent in the card and Akulaku samples). */
  merchantIdInCharge: boolean;
  /** Whether the charge response carries `expiry_time`. */
  expiryInCharge: boolean;
  /** Whether `fraud_status` is present at all (absent for Indomaret). */
  fraud: boolean;
  /** Whether notifications carry `payment_amounts` (VA with `va_numbers`). */
  paymentAmounts: boolean;
  /** Refund allowed at all (docs/midtrans-wire.md §4: not bank transfer, echannel, cstore). */
  refundable: boolean;
  /** Partial refund allowed (not ShopeePay). */
  partialRefund: boolean;
  /** Settlement may be reversed to deny (Permata, Mandiri Bill, Indomaret). */
  reversible: boolean;
  /** Fields added to the record when it settles. */
  onSettle?: (txn: SimTransaction, nowMs: number, unique: number) => void;
}

/** One refund of a transaction. */
export interface SimRefund {
  id: number;
  amount: number;
  createdAt: number;
  reason: string;
  key: string;
  /** Set when the bank confirms the refund (a second notification follows). */
  method?: 'online';
  bankConfirmedAt?: number;
}

/** Card details of a card transaction. */
export interface SimCard {
  cardNumber: string;
  threeDs: boolean;
  authorize: boolean;
  saveToken: boolean;
  /** Acquiring bank (`credit_card.bank`, default bni). */
  bank: string;
}

/** A transaction as the simulator stores it. */
export interface SimTransaction {
  transactionId: string;
  orderId: string;
  paymentType: string;
  /** The amount charged: what was authorised, or less once a partial capture took less. */
  grossAmount: number;
  status: TransactionStatus;
  fraudStatus: FraudStatus | undefined;
  transactionTime: number;
  expiryTime: number | undefined;
  settlementTime: number | undefined;
  /** Method fields shown in status and notifications (`va_numbers`, `bill_key`, `masked_card`…). */
  fields: Record<string, JsonValue>;
  /** Fields only the charge response shows (`actions`, `qr_string`, `redirect_url`…). */
  chargeFields: Record<string, JsonValue>;
  spec: MethodSpec;
  card: SimCard | undefined;
  extras: JsonObject;
  refunds: SimRefund[];
  refundedAmount: number;
  chargedBackAmount: number;
  /** Stored results of refunds by `refund_key` (a retry with the same key and amount replays it). */
  refundKeys: Map<string, { amount: number; body: JsonObject }>;
  /** URLs from `X-Override-Notification` (replace the default URL). */
  notifyOverride: string[] | undefined;
  /** URLs from `X-Append-Notification` (in addition to the default URL). */
  notifyAppend: string[];
  expiryTask: ScheduledTask | undefined;
  /** What happens when the pending transaction expires: `expire`, or `cancel` for an uncaptured pre-auth. */
  expiryAction: 'expire' | 'cancel';
  invoiceId: string | undefined;
  /** Snap `callbacks.finish`: where the pages send the customer back to. */
  finishUrl: string | undefined;
  /**
   * The transaction this order id had before this one (re-charged after expire or cancel), so
   * status/b2b walks an order's transactions newest first without scanning.
   */
  previous: SimTransaction | undefined;
  /** Bumped on every change; the serialized status is cached per version. */
  version: number;
  statusJsonVersion: number;
  statusJson: string;
}
