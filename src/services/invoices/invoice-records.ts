/**
 * Small pieces the invoice flows share: finding the invoice a caller means, refreshing the
 * caller's object, and recording a failed Midtrans call on the record.
 */
import { MidtransApiError, MidtransKitError, NotFoundError } from '../../errors.js';
import type { Invoice } from '../../storage/records/invoice.js';
import type { ServiceContext } from '../core/context.js';

/** An invoice record, or its local id, Midtrans invoice id, invoice number or order id. */
export type InvoiceRef = Invoice | string;

/** The stored invoice a caller means. @throws NotFoundError */
export async function findInvoice(ctx: ServiceContext, ref: InvoiceRef): Promise<Invoice> {
  const repo = ctx.store.invoices;
  const key = typeof ref === 'string' ? ref : ref.id;
  const found =
    (await repo.findById(key)) ??
    (typeof ref === 'string'
      ? ((await repo.findByMidtransInvoiceId(key)) ??
        (await repo.findByInvoiceNumber(key)) ??
        (await repo.findByOrderId(key)))
      : undefined);
  if (found === undefined) throw new NotFoundError(`No invoice "${key}"`);
  return found;
}

/**
 * Copy a fresh record onto the caller's object, as django-payment-midtrans (the Django package
 * midtrans-kit ports) updates the instance it was given.
 */
export function refreshInvoice(ref: InvoiceRef, invoice: Invoice): void {
  if (typeof ref !== 'string') Object.assign(ref, invoice);
}

/** The text kept in `lastError` for a failed call. */
export function errorText(error: unknown): string {
  if (error instanceof MidtransApiError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Record a failed create on a `draft` invoice: a Midtrans refusal makes it `failed`; anything else
 * (a network error, an unreadable answer) leaves it `draft` — Midtrans may have created it, and
 * `getInvoiceStatus` re-sends the stored request with its key to find out.
 */
export async function recordInvoiceFailure(
  ctx: ServiceContext,
  invoiceId: string,
  error: unknown,
): Promise<Invoice | undefined> {
  const invoice = await ctx.store.transaction(async (tx) => {
    const locked = await tx.invoices.lockById(invoiceId);
    if (locked === undefined || locked.status !== 'draft') return locked;
    const refused = error instanceof MidtransApiError && !isDuplicateOrder(error);
    return tx.invoices.update(locked.id, {
      lastError: errorText(error),
      ...(refused ? { status: 'failed' } : {}),
    });
  });
  if (invoice !== undefined && error instanceof MidtransKitError) error.orderId ??= invoice.orderId;
  return invoice;
}

/**
 * 409 "Duplicate order id": an earlier send of this very request may have created it, so the
 * outcome stays unknown rather than failed.
 */
function isDuplicateOrder(error: MidtransApiError): boolean {
  return error.httpStatus === 409;
}
