/** The subscription record (Midtrans Subscriptions API: recurring card or GoPay charges). */
import type { Idr } from '../../domain/money.js';
import type { JsonObject } from '../../wire-types.js';
import type { Page, PageRequest } from '../paging.js';
import type { NewRecord, RecordPatch, StoredRecord, UpdateOptions } from './common.js';

/** A subscription as stored. */
export interface Subscription extends StoredRecord {
  /** Midtrans subscription `id` (unique once created). */
  midtransSubscriptionId: string | null;
  /** Subscription name (Midtrans builds the generated order ids from it). */
  name: string;
  /** `credit_card` or `gopay`. */
  paymentType: string;
  /** Amount per charge, whole Rupiah. */
  amount: Idr;
  /** ISO currency, `IDR`. */
  currency: string;
  /** Saved card token or GoPay payment-option token. */
  token: string | null;
  /** `schedule.interval`. */
  interval: number;
  /** `schedule.interval_unit`: day, week or month. */
  intervalUnit: string;
  /** `schedule.max_interval` (null: forever). */
  maxInterval: number | null;
  /** `schedule.start_time`. */
  startTime: Date | null;
  /** `schedule.current_interval`. */
  currentInterval: number | null;
  /** `schedule.previous_execution_at`. */
  previousExecutionAt: Date | null;
  /** `schedule.next_execution_at`. */
  nextExecutionAt: Date | null;
  /** `retry_schedule.interval`. */
  retryInterval: number | null;
  /** `retry_schedule.interval_unit`: minute, hour or day. */
  retryIntervalUnit: string | null;
  /** `retry_schedule.max_interval` (≤ 3). */
  retryMaxInterval: number | null;
  /** Local status, e.g. `active`, `inactive`, `disabled`, `cancelled` (set by the services). */
  status: string;
  /** `customer_details` as sent. */
  customerDetails: JsonObject | null;
  /** Customer email (indexed for search). */
  customerEmail: string | null;
  /** Host user who owns the subscription. */
  userId: string | null;
  /** `gopay.account_id` for GoPay subscriptions. */
  gopayAccountId: string | null;
  /** Midtrans's raw create (or latest) response. */
  response: JsonObject | null;
  /** Free-form metadata. */
  metadata: JsonObject | null;
  /** The `POST /v1/subscriptions` body as sent. */
  request: JsonObject | null;
  /** `Idempotency-Key` the create is (or was) sent with. */
  idempotencyKey: string | null;
  /** The last Midtrans (or network) error of a call about this subscription. */
  lastError: string | null;
  /** When the last charge attempt was reported (success or failure). */
  lastChargeAt: Date | null;
  /** Outcome of the last charge attempt: `charged` or `failed`. */
  lastChargeStatus: string | null;
  /** Midtrans `transaction_id` of the last charge attempt that created a transaction. */
  lastTransactionId: string | null;
  /** Successful charges reported so far (default 0). */
  chargeCount: number;
  /** Failed attempts since the last success (default 0); a success resets it. */
  failureCount: number;
  /** Incremented on every update. */
  version: number;
}

/** Input of `subscriptions.insert`. Defaults: currency `IDR`, status `active`, counts 0. */
export type NewSubscription = NewRecord<
  Subscription,
  'name' | 'paymentType' | 'amount' | 'interval' | 'intervalUnit'
>;

/** Input of `subscriptions.update`. */
export type SubscriptionPatch = RecordPatch<Subscription>;

/** Filters of `subscriptions.list` (newest first). */
export interface SubscriptionListQuery extends PageRequest {
  /** Only this user's subscriptions. */
  userId?: string;
  /** Only these statuses. */
  status?: string | readonly string[];
}

/** Subscriptions outside a transaction. */
export interface SubscriptionRepository {
  /** Insert a subscription; ConflictError if the Midtrans subscription id is taken. */
  insert(input: NewSubscription): Promise<Subscription>;
  /** The subscription with this id, or undefined. */
  findById(id: string): Promise<Subscription | undefined>;
  /** The subscription with this Midtrans id, or undefined. */
  findByMidtransId(midtransSubscriptionId: string): Promise<Subscription | undefined>;
  /**
   * The most recently created subscription with this name, or undefined. Midtrans builds a
   * subscription charge's order id from the name, so this is how such a charge finds its subscription.
   */
  findByName(name: string): Promise<Subscription | undefined>;
  /** Change fields; NotFoundError if absent, ConflictError on a unique key or a stale `expectedVersion`. */
  update(id: string, patch: SubscriptionPatch, options?: UpdateOptions): Promise<Subscription>;
  /** Keyset-paged list, newest first. */
  list(query?: SubscriptionListQuery): Promise<Page<Subscription>>;
}

/** Subscriptions inside `store.transaction`: adds locking reads. */
export interface LockingSubscriptionRepository extends SubscriptionRepository {
  /** Read and lock a subscription until the transaction ends. */
  lockById(id: string): Promise<Subscription | undefined>;
  /** Read and lock by Midtrans id. */
  lockByMidtransId(midtransSubscriptionId: string): Promise<Subscription | undefined>;
}
