/**
 * The Invoicing API (docs/midtrans-wire.md §9): create (201), get, void. Status is derived on read
 * from the simulator clock — `overdue` after the due date, `expired` after a payment link's custom
 * expiry — so no timer is needed. Paying an invoice settles a VA transaction whose notification
 * carries `metadata.midtrans_invoice_id`.
 */

import { INVOICE_ORDER_ID_MAX_LENGTH } from '../constants.js';
import { formatMidtransTimeWithZone, parseMidtransTime } from '../domain/wire-time.js';
import type { JsonObject, JsonValue } from '../wire-types.js';
import type { SimContext } from './context.js';
import { unitMs } from './expiry-input.js';
import { isObject, numberAt, ORDER_ID_CHARS, objectAt, stringAt } from './json.js';
import type { SimInvoice } from './records.js';
import type { SimRequest, SimResponse } from './router.js';
import { messagesError } from './wire-errors.js';

const ECHO_KEYS = [
  'order_id',
  'invoice_number',
  'invoice_title',
  'invoice_paid_title',
  'due_date',
  'invoice_date',
  'reference',
  'customer_details',
  'item_details',
];
const VA_PREFIX: Record<string, string> = {
  bca_va: '00000',
  bni_va: '988',
  bri_va: '00000',
  permata_va: '850',
  cimb_va: '281',
};

/** The invoice status now. */
export function invoiceStatus(ctx: SimContext, invoice: SimInvoice): string {
  if (invoice.baseStatus !== 'pending') return invoice.baseStatus;
  const now = ctx.clock.nowMs();
  if (invoice.expiresAt !== undefined && now >= invoice.expiresAt) return 'expired';
  return now > invoice.dueAt ? 'overdue' : 'pending';
}

/** The invoice object of create/get responses. */
export function invoiceView(ctx: SimContext, invoice: SimInvoice): JsonObject {
  const out: JsonObject = {};
  for (const key of ECHO_KEYS) {
    const value = invoice.echo[key];
    if (value !== undefined) out[key] = value;
  }
  out.published_date = formatMidtransTimeWithZone(new Date(invoice.publishedAt));
  out.id = invoice.id;
  out.status = invoiceStatus(ctx, invoice);
  out.gross_amount = invoice.grossAmount;
  out.pdf_url = `${ctx.baseUrl}/invoices/${invoice.id}/pdf`;
  out.payment_type = invoice.paymentType;
  if (invoice.paymentType === 'virtual_account')
    out.virtual_accounts = invoice.virtualAccounts.map((va) => ({ ...va }));
  out.payment_link_url =
    invoice.paymentType === 'payment_link' ? `${ctx.baseUrl}/invoices/${invoice.id}` : null;
  return out;
}

function readTime(body: JsonObject, key: string, errors: string[]): number | undefined {
  const text = stringAt(body, key);
  if (!text) {
    errors.push(`${key} is required`);
    return undefined;
  }
  try {
    return parseMidtransTime(text, key).getTime();
  } catch {
    errors.push(`${key} must be formatted as yyyy-MM-dd HH:mm:ss Z`);
    return undefined;
  }
}

function total(body: JsonObject, errors: string[]): number {
  const items = Array.isArray(body.item_details) ? body.item_details : [];
  if (items.length === 0) errors.push('item must not be empty');
  let sum = 0;
  for (const item of items) {
    const price = isObject(item) ? item.price : undefined;
    const quantity = isObject(item) ? item.quantity : undefined;
    if (!isObject(item) || typeof item.description !== 'string') errors.push('item description is required');
    if (
      typeof price !== 'number' ||
      !Number.isInteger(price) ||
      typeof quantity !== 'number' ||
      quantity < 1
    ) {
      errors.push('item price must be an integer and quantity at least 1');
    } else sum += price * quantity;
  }
  const amount = objectAt(body, 'amount');
  const shipping = Number(stringAt(amount, 'shipping') ?? amount?.shipping ?? 0) || 0;
  const discount = Number(stringAt(amount, 'discount') ?? amount?.discount ?? 0) || 0;
  let gross = sum + shipping - discount;
  if (body.tax_mode !== 'inclusive' && Array.isArray(body.taxes)) {
    for (const tax of body.taxes)
      gross += Math.round((sum * (numberAt(isObject(tax) ? tax : {}, 'value') ?? 0)) / 100);
  }
  if (gross <= 0) errors.push('gross_amount must be more than 0');
  return gross;
}

/** `POST /v1/invoices`. */
export function handleCreateInvoice(ctx: SimContext, req: SimRequest): SimResponse {
  const body: JsonObject = isObject(req.body) ? req.body : {};
  const errors: string[] = [];
  const orderId = stringAt(body, 'order_id');
  if (!orderId) errors.push('order_id is required');
  else if (orderId.length > INVOICE_ORDER_ID_MAX_LENGTH || !ORDER_ID_CHARS.test(orderId)) {
    errors.push(`order_id must be at most ${INVOICE_ORDER_ID_MAX_LENGTH} characters of a-z, 0-9, -, _, ~, .`);
  }
  const number = stringAt(body, 'invoice_number');
  if (!number || number.length > 40) errors.push('invoice_number is required (max 40 characters)');
  const invoiceDate = readTime(body, 'invoice_date', errors);
  const dueAt = readTime(body, 'due_date', errors);
  if (invoiceDate !== undefined && dueAt !== undefined && dueAt <= invoiceDate) {
    errors.push('due_date must be after invoice_date');
  }
  const customer = objectAt(body, 'customer_details');
  if (!stringAt(customer, 'name') || !stringAt(customer, 'email')) {
    errors.push('customer_details.name and customer_details.email are required');
  }
  const gross = total(body, errors);
  const paymentType = stringAt(body, 'payment_type');
  if (paymentType !== 'payment_link' && paymentType !== 'virtual_account') {
    errors.push('payment_type must be payment_link or virtual_account');
  }
  const vas = Array.isArray(body.virtual_accounts) ? body.virtual_accounts : [];
  if (paymentType === 'virtual_account' && vas.length === 0)
    errors.push('virtual_accounts must not be empty');
  if (errors.length > 0 || !orderId || dueAt === undefined || !paymentType) return messagesError(400, errors);
  if (ctx.state.invoiceOrderIds.has(orderId)) return messagesError(409, ['Duplicate order id']);

  const link = objectAt(body, 'payment_link');
  const expiry = objectAt(link, 'expiry');
  let expiresAt: number | undefined;
  if (link?.is_custom_expiry === true && expiry) {
    const unit = unitMs(stringAt(expiry, 'unit'));
    const duration = numberAt(expiry, 'duration');
    const startText = stringAt(expiry, 'start_time');
    const start = startText ? parseMidtransTime(startText).getTime() : ctx.clock.nowMs();
    if (unit !== undefined && duration !== undefined) expiresAt = start + unit * duration;
  }
  const echo: JsonObject = {};
  for (const key of ECHO_KEYS) if (body[key] !== undefined) echo[key] = body[key] as JsonValue;
  const invoice: SimInvoice = {
    id: ctx.ids.hex24(),
    orderId,
    echo,
    grossAmount: gross,
    dueAt,
    expiresAt,
    publishedAt: ctx.clock.nowMs(),
    paymentType,
    virtualAccounts: vas.filter(isObject).map((va) => {
      const bank = stringAt(va, 'bank') ?? 'bca_va';
      return { bank, number: stringAt(va, 'number') ?? ctx.ids.digits(VA_PREFIX[bank] ?? '0', 15) };
    }),
    baseStatus: 'pending',
    transactionId: undefined,
  };
  ctx.state.invoices.set(invoice.id, invoice);
  ctx.state.invoiceOrderIds.add(orderId);
  return { status: 201, body: invoiceView(ctx, invoice) };
}

/** `GET /v1/invoices/{id}`. */
export function handleGetInvoice(ctx: SimContext, req: SimRequest): SimResponse {
  const invoice = ctx.state.invoices.get(req.params[0] ?? '');
  return invoice ? { status: 200, body: invoiceView(ctx, invoice) } : messagesError(404, ['Not Found']);
}

/** `PATCH /v1/invoices/{id}/void`: only pending or overdue invoices, else 409. */
export function handleVoidInvoice(ctx: SimContext, req: SimRequest): SimResponse {
  const invoice = ctx.state.invoices.get(req.params[0] ?? '');
  if (!invoice) return messagesError(404, ['Not Found']);
  const status = invoiceStatus(ctx, invoice);
  if (status !== 'pending' && status !== 'overdue') return messagesError(409, ['Invoice cannot be canceled']);
  invoice.baseStatus = 'voided';
  return { status: 200, body: { success: true } };
}
