/**
 * Step 2 of `createInvoice`: the invoice (`draft`), its lines, the request and the
 * `X-Idempotency-Key` it will be sent with, committed before Midtrans is called. A generated
 * invoice number that hits the unique key is replaced and the write retried (each attempt is its
 * own transaction: PostgreSQL aborts a transaction on a unique violation).
 */
import { randomUUID } from 'node:crypto';
import { INVOICE_ORDER_ID_MAX_LENGTH } from '../../constants.js';
import { validateOrderId } from '../../domain/order-id.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { toJsonObject } from '../../storage/json.js';
import type { Invoice } from '../../storage/records/invoice.js';
import type { WireInvoiceCreateRequest } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import type { CreateInvoiceOptions } from './invoice-input.js';
import { generateInvoiceNumber } from './invoice-number.js';

const NUMBER_ATTEMPTS = 5;

/** Write the invoice and its lines; returns the record and the request as it will be sent. */
export async function writeInvoice(
  ctx: ServiceContext,
  wire: WireInvoiceCreateRequest,
  input: CreateInvoiceOptions,
  userId: string | null,
): Promise<{ invoice: Invoice; request: WireInvoiceCreateRequest }> {
  const total = wire.item_details.reduce((sum, item) => sum + item.quantity * item.price, 0);
  if (!Number.isSafeInteger(total) || total < 1) {
    throw new ValidationError({ field: 'items', reason: 'must add up to at least 1 Rupiah' });
  }
  validateOrderId(wire.order_id, { maxLength: INVOICE_ORDER_ID_MAX_LENGTH });
  let request = wire;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const invoice = await insertInvoice(ctx, request, input, userId, total);
      return { invoice, request };
    } catch (error) {
      const numberGiven = input.invoiceNumber !== undefined;
      if (!(error instanceof ConflictError) || numberGiven || attempt >= NUMBER_ATTEMPTS) throw error;
      if ((await ctx.store.invoices.findByOrderId(request.order_id)) !== undefined) throw error;
      request = {
        ...request,
        invoice_number: generateInvoiceNumber(ctx.config.invoiceNumberPrefix, ctx.now()),
      };
    }
  }
}

function insertInvoice(
  ctx: ServiceContext,
  wire: WireInvoiceCreateRequest,
  input: CreateInvoiceOptions,
  userId: string | null,
  total: number,
): Promise<Invoice> {
  return ctx.store.transaction(async (tx) => {
    const invoice = await tx.invoices.insert({
      invoiceNumber: wire.invoice_number,
      orderId: wire.order_id,
      status: 'draft',
      paymentType: wire.payment_type,
      customerId: wire.customer_details.id ?? null,
      customerName: wire.customer_details.name,
      customerEmail: wire.customer_details.email,
      customerPhone: wire.customer_details.phone ?? null,
      userId,
      totalAmount: total,
      invoiceDate: input.invoiceDate ?? ctx.now(),
      dueDate: input.dueDate,
      notes: wire.notes ?? null,
      metadata: input.metadata ?? null,
      request: toJsonObject(wire),
      idempotencyKey: randomUUID(),
    });
    await tx.invoiceItems.insertMany(
      invoice.id,
      wire.item_details.map((item) => ({
        itemId: item.item_id ?? null,
        description: item.description,
        quantity: item.quantity,
        price: item.price,
      })),
    );
    return invoice;
  });
}
