/**
 * Invoicing API invoice object (create and get responses); `gross_amount` is an integer here.
 */

import { InvoicePaymentType, InvoiceStatus } from '../../constants.js';
import type { WireInvoice } from '../../wire-types.js';
import { assertAmount } from '../money.js';
import type { MidtransInvoice } from '../types.js';
import { accountFromWire, customerFromWire, itemFromWire, itemToWire } from './invoice-request.js';
import {
  optArray,
  optString,
  optTime,
  reqAmount,
  reqArray,
  reqObject,
  reqOneOf,
  reqString,
  reqTime,
} from './read.js';
import { compact, outZonedTime, reqOutZonedTime } from './write.js';

/** Read an invoice object (create or get response). */
export function fromWireInvoice(wire: WireInvoice): MidtransInvoice {
  reqObject(wire, 'body');
  return compact({
    id: reqString(wire.id, 'id'),
    orderId: reqString(wire.order_id, 'order_id'),
    invoiceNumber: reqString(wire.invoice_number, 'invoice_number'),
    status: reqOneOf(wire.status, InvoiceStatus, 'status'),
    grossAmount: reqAmount(wire.gross_amount, 'gross_amount'),
    dueDate: reqTime(wire.due_date, 'due_date'),
    invoiceDate: reqTime(wire.invoice_date, 'invoice_date'),
    publishedDate: optTime(wire.published_date, 'published_date'),
    invoiceTitle: optString(wire.invoice_title, 'invoice_title'),
    invoicePaidTitle: optString(wire.invoice_paid_title, 'invoice_paid_title'),
    reference: optString(wire.reference, 'reference'),
    customer: customerFromWire(wire.customer_details),
    items: reqArray(wire.item_details, 'item_details', itemFromWire),
    notes: optString(wire.notes, 'notes'),
    paymentType: reqOneOf(wire.payment_type, InvoicePaymentType, 'payment_type'),
    pdfUrl: optString(wire.pdf_url, 'pdf_url'),
    paymentLinkUrl:
      wire.payment_link_url === null ? null : optString(wire.payment_link_url, 'payment_link_url'),
    virtualAccounts: optArray(wire.virtual_accounts, 'virtual_accounts', (v, path) => {
      const va = accountFromWire(v, path);
      return { bank: va.bank, number: reqString(va.number, `${path}.number`) };
    }),
  });
}

/** Write an invoice object (the simulator's side). */
export function toWireInvoice(invoice: MidtransInvoice): WireInvoice {
  return compact({
    id: invoice.id,
    order_id: invoice.orderId,
    invoice_number: invoice.invoiceNumber,
    status: invoice.status,
    gross_amount: assertAmount(invoice.grossAmount, 'grossAmount', 0),
    due_date: reqOutZonedTime(invoice.dueDate, 'dueDate'),
    invoice_date: reqOutZonedTime(invoice.invoiceDate, 'invoiceDate'),
    published_date: outZonedTime(invoice.publishedDate, 'publishedDate'),
    invoice_title: invoice.invoiceTitle,
    invoice_paid_title: invoice.invoicePaidTitle,
    reference: invoice.reference,
    customer_details: compact({ ...invoice.customer }),
    item_details: invoice.items.map(itemToWire),
    notes: invoice.notes,
    payment_type: invoice.paymentType,
    pdf_url: invoice.pdfUrl,
    payment_link_url: invoice.paymentLinkUrl,
    virtual_accounts: invoice.virtualAccounts?.map((va) => ({ bank: va.bank, number: va.number })),
  });
}
