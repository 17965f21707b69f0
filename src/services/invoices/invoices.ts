/**
 * InvoiceService: the invoice methods of django-payment-midtrans (the Django package midtrans-kit
 * ports) in camelCase, one options object each, with that package's return shapes. Methods that
 * take an invoice accept the record or a string (local id, Midtrans invoice id, invoice number or
 * order id); a given record is refreshed in place.
 * Subclass it and pass it as `createMidtrans({ services: { invoices: MyInvoiceService } })`.
 */

import { InvalidStateError } from '../../errors.js';
import type { Invoice, InvoiceItem } from '../../storage/records/invoice.js';
import type { WireInvoice, WireInvoiceVoidResponse } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { type InvoiceResult, resumeDraft, runCreateInvoice } from './invoice-flow.js';
import type { CreateInvoiceOptions } from './invoice-input.js';
import { findInvoice, type InvoiceRef, refreshInvoice } from './invoice-records.js';
import { applyInvoiceObject, setStatus } from './invoice-sync.js';
import { type VoidInvoiceOptions, voidInvoiceOptionsCheck } from './void-options.js';

const VOIDABLE = ['pending', 'overdue'];

/** Creates and manages Midtrans invoices. */
export class InvoiceService {
  /** @param ctx the kit's shared services. */
  constructor(protected readonly ctx: ServiceContext) {}

  /** Create and send an invoice. The record (and its lines) is written before Midtrans is called. */
  async createInvoice(options: CreateInvoiceOptions): Promise<InvoiceResult> {
    return runCreateInvoice(this.ctx, options);
  }

  /**
   * Fetch the invoice from Midtrans, update the record (paid, overdue, expired, voided), return the
   * raw answer. For a `draft` whose create outcome is unknown (network error), the stored request is
   * re-sent with its stored key: Midtrans answers with the invoice if it made one (or makes it now).
   * @throws InvalidStateError for an invoice Midtrans refused to create (`failed`).
   */
  async getInvoiceStatus(invoice: InvoiceRef): Promise<WireInvoice> {
    const current = await findInvoice(this.ctx, invoice);
    if (current.midtransInvoiceId === null) {
      const { invoice: resumed, response } = await resumeDraft(this.ctx, current);
      refreshInvoice(invoice, resumed);
      return response;
    }
    const response = await this.ctx.client.invoices.get(current.midtransInvoiceId);
    const updated = await this.ctx.store.transaction(async (tx) => {
      const locked = (await tx.invoices.lockById(current.id)) ?? current;
      return applyInvoiceObject(this.ctx, tx, locked, response, 'api');
    });
    refreshInvoice(invoice, updated);
    return response;
  }

  /**
   * Void a pending or overdue invoice. Anything else (paid, voided, expired, not created) is an
   * InvalidStateError and nothing is sent or written.
   */
  async voidInvoice(
    invoice: InvoiceRef,
    options: VoidInvoiceOptions = {},
  ): Promise<InvoiceResult<WireInvoiceVoidResponse>> {
    voidInvoiceOptionsCheck.assert(options);
    const { reason } = options;
    const current = await findInvoice(this.ctx, invoice);
    const midtransId = current.midtransInvoiceId;
    if (midtransId === null || !VOIDABLE.includes(current.status)) {
      throw new InvalidStateError(
        'void',
        current.status,
        `Cannot void invoice "${current.invoiceNumber}": it is ${current.status} (only pending or overdue invoices can be voided)`,
      );
    }
    const response = await this.ctx.client.invoices.void(midtransId);
    const updated = await this.ctx.store.transaction(async (tx) => {
      const locked = (await tx.invoices.lockById(current.id)) ?? current;
      // Midtrans accepted the void, so it holds even if a stale report moved the row meanwhile.
      if (locked.status === 'voided') return locked;
      return setStatus(this.ctx, tx, locked, 'voided', { voidReason: reason ?? null }, 'api', null);
    });
    refreshInvoice(invoice, updated);
    return { invoice: updated, response };
  }

  /** The stored invoice (no Midtrans call). @throws NotFoundError */
  async getInvoice(invoice: InvoiceRef): Promise<Invoice> {
    return findInvoice(this.ctx, invoice);
  }

  /** The invoice's lines, in order. */
  async getInvoiceItems(invoice: InvoiceRef): Promise<InvoiceItem[]> {
    const found = await findInvoice(this.ctx, invoice);
    return this.ctx.store.invoiceItems.listByInvoice(found.id);
  }
}
