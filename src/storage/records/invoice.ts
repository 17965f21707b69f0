/** The invoice record (Midtrans Invoicing API) and its line items. */
import type { Idr } from '../../domain/money.js';
import type { JsonObject } from '../../wire-types.js';
import type { Page, PageRequest } from '../paging.js';
import type { NewRecord, RecordPatch, StoredRecord, UpdateOptions } from './common.js';

/** An invoice as stored. */
export interface Invoice extends StoredRecord {
  /** Merchant invoice number (unique), e.g. `INV-2025-0001`. */
  invoiceNumber: string;
  /** Order id sent to the Invoicing API (unique, ≤ 36 characters there). */
  orderId: string;
  /** Midtrans invoice `id` (24 hex characters) once created. */
  midtransInvoiceId: string | null;
  /** Local status, e.g. `draft`, `pending`, `paid`, `overdue`, `voided` (set by the services). */
  status: string;
  /** `payment_link` or `virtual_account`. */
  paymentType: string | null;
  /** Customer id given to Midtrans. */
  customerId: string | null;
  /** Customer name. */
  customerName: string | null;
  /** Customer email. */
  customerEmail: string | null;
  /** Customer phone. */
  customerPhone: string | null;
  /** Host user who owns the invoice. */
  userId: string | null;
  /** Total in whole Rupiah. */
  totalAmount: Idr;
  /** ISO currency, `IDR`. */
  currency: string;
  /** Invoice date. */
  invoiceDate: Date | null;
  /** Due date. */
  dueDate: Date | null;
  /** When it was paid. */
  paidAt: Date | null;
  /** Midtrans payment link URL. */
  paymentLinkUrl: string | null;
  /** Midtrans PDF URL. */
  pdfUrl: string | null;
  /** Notes printed on the invoice. */
  notes: string | null;
  /** Why it was voided. */
  voidReason: string | null;
  /** Midtrans's raw create (or latest) response. */
  response: JsonObject | null;
  /** Free-form metadata. */
  metadata: JsonObject | null;
  /** The `POST /v1/invoices` body as sent (re-sent as is when the first outcome was unknown). */
  request: JsonObject | null;
  /** `X-Idempotency-Key` the create is (or was) sent with. */
  idempotencyKey: string | null;
  /** The last Midtrans (or network) error of a call about this invoice. */
  lastError: string | null;
  /** The payment that paid it (its `invoiceId` points back here). */
  paymentId: string | null;
  /** Incremented on every update. */
  version: number;
}

/** A line of an invoice. */
export interface InvoiceItem extends StoredRecord {
  /** The invoice. */
  invoiceId: string;
  /** Order of the line within the invoice, from 0. */
  position: number;
  /** Merchant item id. */
  itemId: string | null;
  /** Description shown on the invoice. */
  description: string;
  /** Quantity. */
  quantity: number;
  /** Unit price, whole Rupiah. */
  price: Idr;
}

/** Input of `invoices.insert`. Defaults: status `draft`, currency `IDR`. */
export type NewInvoice = NewRecord<Invoice, 'invoiceNumber' | 'orderId' | 'totalAmount'>;

/** Input of `invoices.update`. */
export type InvoicePatch = RecordPatch<Invoice>;

/** One line given to `invoiceItems.insertMany` (its position is its index). */
export type NewInvoiceItem = Pick<InvoiceItem, 'description' | 'quantity' | 'price'> &
  Partial<Pick<InvoiceItem, 'itemId'>>;

/** Filters of `invoices.list` (newest first). */
export interface InvoiceListQuery extends PageRequest {
  /** Only this user's invoices. */
  userId?: string;
  /** Only these statuses. */
  status?: string | readonly string[];
  /** Only invoices due before this time (e.g. to mark overdue ones). */
  dueBefore?: Date;
}

/** Invoices outside a transaction. */
export interface InvoiceRepository {
  /** Insert an invoice; ConflictError if the invoice number or order id is taken. */
  insert(input: NewInvoice): Promise<Invoice>;
  /** The invoice with this id, or undefined. */
  findById(id: string): Promise<Invoice | undefined>;
  /** The invoice with this invoice number, or undefined. */
  findByInvoiceNumber(invoiceNumber: string): Promise<Invoice | undefined>;
  /** The invoice with this order id, or undefined. */
  findByOrderId(orderId: string): Promise<Invoice | undefined>;
  /** The invoice with this Midtrans invoice id, or undefined. */
  findByMidtransInvoiceId(midtransInvoiceId: string): Promise<Invoice | undefined>;
  /** Change fields; NotFoundError if absent, ConflictError on a unique key or a stale `expectedVersion`. */
  update(id: string, patch: InvoicePatch, options?: UpdateOptions): Promise<Invoice>;
  /** Keyset-paged list, newest first. */
  list(query?: InvoiceListQuery): Promise<Page<Invoice>>;
}

/** Invoices inside `store.transaction`: adds locking reads. */
export interface LockingInvoiceRepository extends InvoiceRepository {
  /** Read and lock an invoice until the transaction ends. */
  lockById(id: string): Promise<Invoice | undefined>;
  /** Read and lock by order id. */
  lockByOrderId(orderId: string): Promise<Invoice | undefined>;
}

/** Invoice lines. */
export interface InvoiceItemRepository {
  /** Insert lines for an invoice, positions 0…n-1 in the given order; one statement. */
  insertMany(invoiceId: string, items: readonly NewInvoiceItem[]): Promise<InvoiceItem[]>;
  /** The lines of an invoice in position order. */
  listByInvoice(invoiceId: string): Promise<InvoiceItem[]>;
  /** Delete the lines of an invoice (to replace them); returns how many were deleted. */
  deleteByInvoice(invoiceId: string): Promise<number>;
}
