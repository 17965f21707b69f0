/**
 * The records the simulator keeps in its state, one per API family. They live apart from the
 * handlers so that the state (and the context every handler receives) can name them without
 * importing the handlers back.
 */
import type { JsonObject } from '../wire-types.js';
import type { ScheduledTask } from './scheduler.js';

/** A Snap checkout session. */
export interface SnapSession {
  token: string;
  orderId: string;
  grossAmount: number;
  request: JsonObject;
  notify: { override: string[] | undefined; append: string[] };
  expiresAt: number;
  /** Set once the customer picked a method. */
  transactionId: string | undefined;
  finishUrl: string | undefined;
  /** Set by `POST /snap/v1/transactions/{token}/cancel`: the page no longer takes a payment. */
  canceledAt: number | undefined;
}

/** An invoice held by the simulator. */
export interface SimInvoice {
  id: string;
  orderId: string;
  /** The request fields echoed in responses. */
  echo: JsonObject;
  grossAmount: number;
  dueAt: number;
  expiresAt: number | undefined;
  publishedAt: number;
  paymentType: string;
  virtualAccounts: { bank: string; number: string }[];
  /** `pending` until paid or voided; overdue/expired are derived from the clock. */
  baseStatus: 'pending' | 'paid' | 'voided';
  transactionId: string | undefined;
}

/** A payment link held by the simulator, keyed by its order id. */
export interface SimPaymentLink {
  orderId: string;
  /** The customisable part of its URL (`payment_link_id`), generated when not given. */
  linkId: string;
  grossAmount: number;
  /** The request fields echoed by `GET` (items, customer, enabled payments…). */
  echo: JsonObject;
  /** Null: no limit. */
  usageLimit: number | null;
  /** Payments made through it so far. */
  usage: number;
  expiry: { start: number; end: number; startText: string; duration: number; unit: string } | undefined;
  deleted: boolean;
  /** The order ids of the transactions paid through it, oldest first. */
  purchases: string[];
}

/** A subscription held by the simulator. */
export interface SimSubscription {
  id: string;
  name: string;
  amount: string;
  currency: string;
  paymentType: 'credit_card' | 'gopay';
  token: string;
  interval: number;
  intervalUnit: string;
  /** `max_interval` as given (null/undefined = forever; 0 = once). */
  maxInterval: number | null | undefined;
  startTime: number;
  currentInterval: number;
  previousExecutionAt: number | undefined;
  nextExecutionAt: number | undefined;
  retrySchedule: { interval: number; interval_unit: string; max_interval: number } | undefined;
  status: 'active' | 'inactive';
  metadata: JsonObject | undefined;
  customerDetails: JsonObject | undefined;
  gopay: JsonObject | undefined;
  createdAt: number;
  transactionIds: string[];
  /** Retries already made for the billing time being attempted. */
  retriesUsed: number;
  task: ScheduledTask | undefined;
}

/** A linked (or linking) GoPay account. */
export interface PayAccount {
  accountId: string;
  status: 'PENDING' | 'ENABLED' | 'DISABLED' | 'EXPIRED';
  token: string;
  redirectUrl: string | undefined;
  /** GoPay wallet balance in whole Rupiah; a token charge debits it. */
  balance: number;
}
