/**
 * Invoicing API create request. Dates are `YYYY-MM-DD HH:MM:SS +0700`;
 * `amount.discount` and `amount.shipping` are digit strings on the wire.
 */

import { InvoicePaymentType } from '../../constants.js';
import type { JsonObject, WireInvoiceCreateRequest, WireInvoiceItem } from '../../wire-types.js';
import { assertAmount } from '../money.js';
import type { InvoiceCreateRequest, InvoiceCustomer, InvoiceLine, InvoicePaymentLink } from '../types.js';
import {
  optAmount,
  optArray,
  optBool,
  optString,
  optTime,
  reqAmount,
  reqArray,
  reqInt,
  reqObject,
  reqOneOf,
  reqString,
  reqTime,
  stringItem,
} from './read.js';
import { compact, compactJson, maybe, outZonedTime, reqOutZonedTime } from './write.js';

/** Invoice customer from the wire. */
export function customerFromWire(value: unknown): InvoiceCustomer {
  const wire = reqObject(value, 'customer_details');
  return compact({
    id: optString(wire.id, 'customer_details.id'),
    name: reqString(wire.name, 'customer_details.name'),
    email: reqString(wire.email, 'customer_details.email'),
    phone: optString(wire.phone, 'customer_details.phone'),
  });
}

/** One invoice line from the wire. */
export function itemFromWire(value: unknown, path: string): InvoiceLine {
  const wire = reqObject(value, path);
  return compact({
    itemId: optString(wire.item_id, `${path}.item_id`),
    description: reqString(wire.description, `${path}.description`),
    quantity: reqInt(wire.quantity, `${path}.quantity`),
    price: reqAmount(wire.price, `${path}.price`),
  });
}

/** One invoice line to the wire. */
export function itemToWire(item: InvoiceLine, index: number): WireInvoiceItem {
  return compact({
    item_id: item.itemId,
    description: item.description,
    quantity: assertAmount(item.quantity, `items.${index}.quantity`, 1),
    price: assertAmount(item.price, `items.${index}.price`, 0),
  });
}

function linkFromWire(value: unknown): InvoicePaymentLink {
  const wire = reqObject(value, 'payment_link');
  const expiry = maybe(wire.expiry, (v) => {
    const e = reqObject(v, 'payment_link.expiry');
    return compact({
      unit: reqString(e.unit, 'payment_link.expiry.unit'),
      duration: reqInt(e.duration, 'payment_link.expiry.duration'),
      startTime: optTime(e.start_time, 'payment_link.expiry.start_time'),
    });
  });
  const callbacks = maybe(wire.callbacks, (v) => {
    const c = reqObject(v, 'payment_link.callbacks');
    return compact({ finish: optString(c.finish, 'payment_link.callbacks.finish') });
  });
  return compact({
    isCustomExpiry: optBool(wire.is_custom_expiry, 'payment_link.is_custom_expiry'),
    enabledPayments: optArray(wire.enabled_payments, 'payment_link.enabled_payments', stringItem),
    expiry,
    callbacks,
  });
}

function linkToWire(link: InvoicePaymentLink): JsonObject {
  return compactJson({
    is_custom_expiry: link.isCustomExpiry,
    enabled_payments: link.enabledPayments?.slice(),
    expiry: maybe(link.expiry, (e) =>
      compactJson({
        unit: e.unit,
        duration: e.duration,
        start_time: outZonedTime(e.startTime, 'paymentLink.expiry.startTime'),
      }),
    ),
    callbacks: maybe(link.callbacks, (c) => compactJson({ finish: c.finish })),
  });
}

/** One `virtual_accounts[]` entry from the wire. */
export function accountFromWire(value: unknown, path: string): { bank: string; number?: string } {
  const wire = reqObject(value, path);
  return { bank: reqString(wire.bank, `${path}.bank`), number: optString(wire.number, `${path}.number`) };
}

/** Build a `POST /v1/invoices` body. Throws a ValidationError for bad amounts or Dates. */
export function toWireInvoiceCreate(request: InvoiceCreateRequest): WireInvoiceCreateRequest {
  const amountText = (value: number | undefined, field: string) =>
    maybe(value, (amount) => String(assertAmount(amount, field, 0)));
  return compact({
    order_id: request.orderId,
    invoice_number: request.invoiceNumber,
    due_date: reqOutZonedTime(request.dueDate, 'dueDate'),
    invoice_date: reqOutZonedTime(request.invoiceDate, 'invoiceDate'),
    invoice_title: request.invoiceTitle,
    invoice_paid_title: request.invoicePaidTitle,
    customer_details: compact({ ...request.customer }),
    reference: request.reference,
    item_details: request.items.map(itemToWire),
    notes: request.notes,
    payment_type: request.paymentType,
    payment_link: maybe(request.paymentLink, linkToWire),
    virtual_accounts: request.virtualAccounts?.map((va) => compact({ bank: va.bank, number: va.number })),
    amount: maybe(request.amount, (a) =>
      compact({
        discount: amountText(a.discount, 'amount.discount'),
        shipping: amountText(a.shipping, 'amount.shipping'),
      }),
    ),
  });
}

/** Read a `POST /v1/invoices` body. */
export function fromWireInvoiceCreate(wire: WireInvoiceCreateRequest): InvoiceCreateRequest {
  reqObject(wire, 'body');
  const amount = maybe(wire.amount, (v) => {
    const a = reqObject(v, 'amount');
    return compact({
      discount: optAmount(a.discount, 'amount.discount'),
      shipping: optAmount(a.shipping, 'amount.shipping'),
    });
  });
  return compact({
    orderId: reqString(wire.order_id, 'order_id'),
    invoiceNumber: reqString(wire.invoice_number, 'invoice_number'),
    dueDate: reqTime(wire.due_date, 'due_date'),
    invoiceDate: reqTime(wire.invoice_date, 'invoice_date'),
    invoiceTitle: optString(wire.invoice_title, 'invoice_title'),
    invoicePaidTitle: optString(wire.invoice_paid_title, 'invoice_paid_title'),
    customer: customerFromWire(wire.customer_details),
    items: reqArray(wire.item_details, 'item_details', itemFromWire),
    notes: optString(wire.notes, 'notes'),
    reference: optString(wire.reference, 'reference'),
    paymentType: reqOneOf(wire.payment_type, InvoicePaymentType, 'payment_type'),
    virtualAccounts: optArray(wire.virtual_accounts, 'virtual_accounts', (v, path) =>
      compact(accountFromWire(v, path)),
    ),
    paymentLink: maybe(wire.payment_link, linkFromWire),
    amount,
  });
}
