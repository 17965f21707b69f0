/** The payment link record (Midtrans Payment Link API) and its line items. */
import type { Idr } from '../../domain/money.js';
import type { JsonObject } from '../../wire-types.js';
import type { Page, PageRequest } from '../paging.js';
import type { NewRecord, RecordPatch, StoredRecord, UpdateOptions } from './common.js';

/**
 * A payment link's local status: `draft` (written, Midtrans not yet answered), `active`, `used`
 * (paid `usageLimit` times), `deleted`, `failed` (Midtrans refused to create it). Expiry is read
 * from `expiresAt`, not stored as a status.
 */
export type PaymentLinkStatus = 'draft' | 'active' | 'used' | 'deleted' | 'failed';

/** A payment link as stored. */
export interface PaymentLink extends StoredRecord {
  /** The link's order id at Midtrans (unique); each payment through it gets `<orderId>-…`. */
  orderId: string;
  /** `payment_link_id`, the customisable part of its URL, when one was asked for. */
  linkId: string | null;
  /** See {@link PaymentLinkStatus}. */
  status: PaymentLinkStatus;
  /** Title shown to the customer. */
  title: string | null;
  /** What each payment through the link is for, whole Rupiah (the sum of its lines). */
  grossAmount: Idr;
  /** ISO currency, `IDR`. */
  currency: string;
  /** How many payments it takes; null: no limit. */
  usageLimit: number | null;
  /** Payments through it that were paid (default 0). */
  usageCount: number;
  /** Money paid through it, whole Rupiah (default 0). */
  paidAmount: Idr;
  /** When it opens (the request's expiry start). */
  startsAt: Date | null;
  /** When it stops taking payments; null: never. */
  expiresAt: Date | null;
  /** The URL to share with the customer (Midtrans's `payment_url`). */
  paymentUrl: string | null;
  /** Customer first name. */
  customerFirstName: string | null;
  /** Customer last name. */
  customerLastName: string | null;
  /** Customer email. */
  customerEmail: string | null;
  /** Customer phone. */
  customerPhone: string | null;
  /** Host user who owns the link and every payment made through it. */
  userId: string | null;
  /** The `POST /v1/payment-links` body as sent. */
  request: JsonObject | null;
  /** Midtrans's latest answer about it. */
  response: JsonObject | null;
  /** Free-form metadata (stored locally). */
  metadata: JsonObject | null;
  /** The last Midtrans (or network) error of a call about it. */
  lastError: string | null;
  /** When it was deleted. */
  deletedAt: Date | null;
  /** Incremented on every update. */
  version: number;
}

/** A line of a payment link. */
export interface PaymentLinkItem extends StoredRecord {
  /** The link. */
  paymentLinkId: string;
  /** Order of the line within the link, from 0. */
  position: number;
  /** Merchant item id. */
  itemId: string | null;
  /** Name shown to the customer. */
  name: string;
  /** Quantity. */
  quantity: number;
  /** Unit price, whole Rupiah. */
  price: Idr;
  /** Brand. */
  brand: string | null;
  /** Category. */
  category: string | null;
  /** Merchant name. */
  merchantName: string | null;
}

/** Input of `paymentLinks.insert`. Defaults: status `draft`, currency `IDR`, usage 0. */
export type NewPaymentLink = NewRecord<PaymentLink, 'orderId' | 'grossAmount'>;

/** Input of `paymentLinks.update`. */
export type PaymentLinkPatch = RecordPatch<PaymentLink>;

/** One line given to `paymentLinkItems.insertMany` (its position is its index). */
export type NewPaymentLinkItem = Pick<PaymentLinkItem, 'name' | 'quantity' | 'price'> &
  Partial<Pick<PaymentLinkItem, 'itemId' | 'brand' | 'category' | 'merchantName'>>;

/** Filters of `paymentLinks.list` (newest first). */
export interface PaymentLinkListQuery extends PageRequest {
  /** Only this user's links. */
  userId?: string;
  /** Only these statuses. */
  status?: PaymentLinkStatus | readonly PaymentLinkStatus[];
}

/** Payment links outside a transaction. */
export interface PaymentLinkRepository {
  /** Insert a link; ConflictError if the order id is taken. */
  insert(input: NewPaymentLink): Promise<PaymentLink>;
  /** The link with this id, or undefined. */
  findById(id: string): Promise<PaymentLink | undefined>;
  /** The link with this order id, or undefined. */
  findByOrderId(orderId: string): Promise<PaymentLink | undefined>;
  /** Change fields; NotFoundError if absent, ConflictError on a unique key or a stale `expectedVersion`. */
  update(id: string, patch: PaymentLinkPatch, options?: UpdateOptions): Promise<PaymentLink>;
  /** Keyset-paged list, newest first. */
  list(query?: PaymentLinkListQuery): Promise<Page<PaymentLink>>;
}

/** Payment links inside `store.transaction`: adds locking reads. */
export interface LockingPaymentLinkRepository extends PaymentLinkRepository {
  /** Read and lock a link until the transaction ends. */
  lockById(id: string): Promise<PaymentLink | undefined>;
}

/** Payment link lines. */
export interface PaymentLinkItemRepository {
  /** Insert lines for a link, positions 0…n-1 in the given order; one statement. */
  insertMany(paymentLinkId: string, items: readonly NewPaymentLinkItem[]): Promise<PaymentLinkItem[]>;
  /** The lines of a link in position order. */
  listByPaymentLink(paymentLinkId: string): Promise<PaymentLinkItem[]>;
}
