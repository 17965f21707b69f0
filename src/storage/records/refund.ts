/** The refund record: one row per refund request, keyed by its idempotent refund key. */
import type { Idr } from '../../domain/money.js';
import type { JsonObject } from '../../wire-types.js';
import type { Page, PageRequest } from '../paging.js';
import type { NewRecord, RecordPatch, StoredRecord } from './common.js';

/** A refund as stored. */
export interface Refund extends StoredRecord {
  /** The refunded payment. */
  paymentId: string;
  /** Merchant refund key sent to Midtrans (unique): a retry reuses it, so money is returned once. */
  refundKey: string;
  /** Amount of this refund, whole Rupiah. */
  amount: Idr;
  /** Reason given to Midtrans. */
  reason: string | null;
  /** Whether it went through the direct-refund endpoint. */
  isDirect: boolean;
  /** Local state of the request, e.g. `pending`, `succeeded`, `failed`, `unknown` (set by the services). */
  status: string;
  /** Body `status_code` of Midtrans's answer. */
  statusCode: string | null;
  /** `status_message` of Midtrans's answer. */
  statusMessage: string | null;
  /** Midtrans `refund_chargeback_id` (kept as text: it is a Long on the wire). */
  chargebackId: string | null;
  /** Midtrans's raw answer. */
  response: JsonObject | null;
}

/** Input of `refunds.insert`. Defaults: `isDirect` false, status `pending`. */
export type NewRefund = NewRecord<Refund, 'paymentId' | 'refundKey' | 'amount'>;

/** Input of `refunds.update`. */
export type RefundPatch = RecordPatch<Refund>;

/** Filters of `refunds.list` (newest first, across payments). */
export interface RefundListQuery extends PageRequest {
  /** Only refunds in these local states (`pending`, `succeeded`, `failed`, `unknown`). */
  status?: string | readonly string[];
}

/** Query of `refunds.listOpen`: refunds still `pending` or `unknown`, least recently updated first. */
export interface OpenRefundQuery {
  /** Only rows not updated since this time. */
  updatedBefore: Date;
  /** At most this many rows. */
  limit: number;
}

/** Refunds (the same inside and outside a transaction: lock the payment to serialise refunds). */
export interface RefundRepository {
  /** Insert a refund; ConflictError if the refund key is taken. */
  insert(input: NewRefund): Promise<Refund>;
  /** The refund with this id, or undefined. */
  findById(id: string): Promise<Refund | undefined>;
  /** The refund with this refund key, or undefined. */
  findByRefundKey(refundKey: string): Promise<Refund | undefined>;
  /** Every refund of a payment, oldest first. */
  listByPayment(paymentId: string): Promise<Refund[]>;
  /** Change fields; NotFoundError if absent. */
  update(id: string, patch: RefundPatch): Promise<Refund>;
  /** Refunds whose outcome is still open (the reconciler), least recently updated first. */
  listOpen(query: OpenRefundQuery): Promise<Refund[]>;
  /** Keyset-paged list across payments, newest first (the staff dashboard's refunds page). */
  list(query?: RefundListQuery): Promise<Page<Refund>>;
}
