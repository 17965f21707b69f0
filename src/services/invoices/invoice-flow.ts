/**
 * Creating an invoice, in the same order as a charge:
 * 1. validate, fill in the order id and invoice number, run `beforeInvoice` (a veto ends here);
 * 2. write the invoice (`draft`), its lines and the `X-Idempotency-Key` it will be sent with, and
 *    commit — a generated invoice number that clashes is replaced and the write retried;
 * 3. call Midtrans;
 * 4. apply the answer under the row lock (`pending`, payment link, `invoice.created`);
 * 5. on a refusal mark it `failed`; on a network error leave it `draft` for `getInvoiceStatus`.
 */

import { INVOICE_ORDER_ID_MAX_LENGTH } from '../../constants.js';
import { toWireInvoiceCreate } from '../../domain/mapping.js';
import { validateOrderId } from '../../domain/order-id.js';
import { InvalidStateError } from '../../errors.js';
import type { Invoice } from '../../storage/records/invoice.js';
import type { WireInvoice, WireInvoiceCreateRequest } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { reachFault } from '../core/fault-points.js';
import { assertInvoiceInput, type CreateInvoiceOptions } from './invoice-input.js';
import { generateInvoiceNumber } from './invoice-number.js';
import { recordInvoiceFailure } from './invoice-records.js';
import { applyInvoiceObject } from './invoice-sync.js';
import { writeInvoice } from './invoice-write.js';

/** Result of `createInvoice` and `voidInvoice`. */
export interface InvoiceResult<R = WireInvoice> {
  /** The stored invoice after Midtrans's answer. */
  invoice: Invoice;
  /** Midtrans's answer, as received. */
  response: R;
}

/** Run `createInvoice`. */
export async function runCreateInvoice(
  ctx: ServiceContext,
  input: CreateInvoiceOptions,
): Promise<InvoiceResult> {
  const now = ctx.now();
  assertInvoiceInput(input, now);
  const paymentType = input.paymentType ?? 'payment_link';
  const orderId = validateOrderId(
    input.orderId ??
      (await ctx.hooks.generateOrderId({ paymentType, user: input.user, prefix: ctx.config.orderIdPrefix })),
    { maxLength: INVOICE_ORDER_ID_MAX_LENGTH },
  );
  const userId = input.user === undefined ? undefined : String(input.user.id);
  const draft = toWireInvoiceCreate({
    orderId,
    invoiceNumber: input.invoiceNumber ?? generateInvoiceNumber(ctx.config.invoiceNumberPrefix, now),
    invoiceDate: input.invoiceDate ?? now,
    dueDate: input.dueDate,
    customer: {
      name: input.customerName,
      email: input.customerEmail,
      ...optional('phone', input.customerPhone),
      ...optional('id', input.customerId ?? userId),
    },
    items: input.items.map((item) => ({ ...item })),
    paymentType,
    ...optional('notes', input.notes),
    ...optional('reference', input.reference),
    ...optional('invoiceTitle', input.invoiceTitle),
    ...optional('invoicePaidTitle', input.invoicePaidTitle),
    ...optional('virtualAccounts', input.virtualAccounts),
    ...optional('paymentLink', input.paymentLink),
  });
  const wire = await ctx.hooks.beforeInvoice({ request: draft, user: input.user });
  const { invoice: created, request } = await writeInvoice(ctx, wire, input, userId ?? null);
  return sendCreate(ctx, created, request);
}

/**
 * Re-send the stored create of a `draft` with its stored key (its outcome is unknown): Midtrans
 * answers with the invoice if it made one, or makes it now. @throws InvalidStateError otherwise.
 */
export async function resumeDraft(ctx: ServiceContext, invoice: Invoice): Promise<InvoiceResult> {
  if (invoice.status !== 'draft' || invoice.request === null) {
    throw new InvalidStateError(
      'getInvoiceStatus',
      invoice.status,
      `Invoice "${invoice.invoiceNumber}" was never created at Midtrans (status ${invoice.status})`,
    );
  }
  // The stored request is the one this module wrote from a WireInvoiceCreateRequest.
  return sendCreate(ctx, invoice, invoice.request as unknown as WireInvoiceCreateRequest);
}

/** Call Midtrans with the stored request and key, and apply its answer. */
export async function sendCreate(
  ctx: ServiceContext,
  invoice: Invoice,
  request: WireInvoiceCreateRequest,
): Promise<InvoiceResult> {
  await reachFault(ctx, 'invoice.recorded');
  let response: WireInvoice;
  try {
    response = await ctx.client.invoices.create(request, {
      idempotencyKey: invoice.idempotencyKey ?? undefined,
    });
  } catch (error) {
    const stored = await recordInvoiceFailure(ctx, invoice.id, error);
    ctx.logger.warn(
      { invoiceId: invoice.id, status: stored?.status, err: error },
      'midtrans-kit: invoice create failed',
    );
    throw error;
  }
  await reachFault(ctx, 'invoice.answered');
  const applied = await ctx.store.transaction(async (tx) => {
    const locked = await tx.invoices.lockById(invoice.id);
    if (locked === undefined) throw new Error(`invoice ${invoice.id} vanished`);
    const from = locked.status;
    const updated = await applyInvoiceObject(ctx, tx, locked, response, 'api');
    if (from === 'draft' || from === 'failed') {
      await ctx.events.enqueue(
        tx,
        'invoice.created',
        { invoice: updated, from: null, source: 'api' },
        { idempotencyKey: `${updated.id}:created` },
      );
    }
    return updated;
  });
  return { invoice: applied, response };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
