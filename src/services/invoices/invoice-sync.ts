/**
 * Applying what Midtrans reports about an invoice — the one place an invoice changes status after
 * it was created. Callers hold the row lock in `tx`. `paid` and `voided` are final: later news
 * cannot undo money received or a void Midtrans accepted. Each status event has a stable id
 * (`<invoiceId>:<status>`), so it is written once however often the news arrives.
 */

import { toJsonObject } from '../../storage/json.js';
import type { Invoice, InvoicePatch } from '../../storage/records/invoice.js';
import type { Payment } from '../../storage/records/payment.js';
import type { StoreTransaction } from '../../storage/store.js';
import type { WireInvoice } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import type { KitEventType, RecordEventSource } from '../events/event-types.js';

/** Local invoice statuses. `draft`: written, not (known to be) created at Midtrans; `failed`: refused. */
export type InvoiceStatus = 'draft' | 'failed' | 'pending' | 'overdue' | 'expired' | 'paid' | 'voided';

const FINAL: ReadonlySet<string> = new Set(['paid', 'voided']);

const EVENT_OF: Partial<Record<InvoiceStatus, KitEventType>> = {
  paid: 'invoice.paid',
  voided: 'invoice.voided',
  expired: 'invoice.expired',
};

/** The local status for a Midtrans invoice status (quotation statuses fold into the nearest one). */
export function localInvoiceStatus(midtrans: string): InvoiceStatus {
  switch (midtrans) {
    case 'overdue':
    case 'expired':
    case 'paid':
    case 'voided':
      return midtrans;
    case 'canceled':
    case 'rejected':
      return 'voided';
    default:
      return 'pending';
  }
}

/** Apply an invoice object (create or get response) to the locked invoice. */
export async function applyInvoiceObject(
  ctx: ServiceContext,
  tx: StoreTransaction,
  locked: Invoice,
  wire: WireInvoice,
  source: RecordEventSource,
): Promise<Invoice> {
  const fields: InvoicePatch = {
    midtransInvoiceId: locked.midtransInvoiceId ?? (typeof wire.id === 'string' ? wire.id : null),
    response: toJsonObject(wire),
    lastError: null,
    ...(typeof wire.pdf_url === 'string' ? { pdfUrl: wire.pdf_url } : {}),
    ...(typeof wire.payment_link_url === 'string' ? { paymentLinkUrl: wire.payment_link_url } : {}),
  };
  const to = localInvoiceStatus(String(wire.status));
  if (FINAL.has(locked.status) || to === locked.status) return tx.invoices.update(locked.id, fields);
  if (to === 'paid') {
    const payment = (await tx.payments.listByInvoice(locked.id)).find((p) => p.status === 'paid');
    return setStatus(ctx, tx, locked, 'paid', { ...fields, paidAt: ctx.now() }, source, payment ?? null);
  }
  return setStatus(ctx, tx, locked, to, fields, source, null);
}

/**
 * Mark the invoice paid by `payment` (its paid transition, from any source). Already paid: the
 * payment is linked if none was; nothing else changes and no second event is written.
 */
export async function markInvoicePaid(
  ctx: ServiceContext,
  tx: StoreTransaction,
  invoiceId: string,
  payment: Payment,
  source: RecordEventSource,
): Promise<Invoice | undefined> {
  const locked = await tx.invoices.lockById(invoiceId);
  if (locked === undefined) return undefined;
  if (locked.status === 'paid') {
    return locked.paymentId === null ? tx.invoices.update(locked.id, { paymentId: payment.id }) : locked;
  }
  if (locked.status === 'voided') {
    // Midtrans refuses payment of a voided invoice, so this is a race worth a look, not a rule.
    ctx.logger.warn(
      { invoiceId, orderId: payment.orderId },
      'midtrans-kit: a voided invoice was paid; marking it paid',
    );
  }
  const paidAt = payment.settlementTime ?? ctx.now();
  return setStatus(ctx, tx, locked, 'paid', { paymentId: payment.id, paidAt }, source, payment);
}

/** Write a status change and its event (if the status has one). */
export async function setStatus(
  ctx: ServiceContext,
  tx: StoreTransaction,
  locked: Invoice,
  to: InvoiceStatus,
  patch: InvoicePatch,
  source: RecordEventSource,
  payment: Payment | null,
): Promise<Invoice> {
  const linked = payment !== null && locked.paymentId === null ? { paymentId: payment.id } : {};
  const invoice = await tx.invoices.update(locked.id, { ...patch, ...linked, status: to });
  const type = EVENT_OF[to];
  if (type !== undefined) {
    const payload = { invoice, from: locked.status, source, ...(to === 'paid' ? { payment } : {}) };
    await ctx.events.enqueue(tx, type, payload, { idempotencyKey: `${invoice.id}:${to}` });
  }
  return invoice;
}
