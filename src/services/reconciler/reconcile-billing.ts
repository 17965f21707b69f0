/**
 * Invoices and subscriptions whose create was interrupted (a crash or a timeout between writing
 * the record and storing Midtrans's answer) stay `draft` / `created`. The reconciler re-sends the
 * stored request with its stored key, exactly as `getInvoiceStatus` / `getSubscriptionStatus` do:
 * Midtrans answers with what it made, or makes it now.
 *
 * Past the key's window only an invoice can still be sent safely (Midtrans refuses a second invoice
 * for one order id). A subscription cannot: a second create would charge the customer twice, so
 * it is marked `failed`, saying why, and a charge of it that arrives anyway is recorded as
 * unattributed (docs/reliability.md).
 */
import { MidtransApiError } from '../../errors.js';
import type { ServiceContext } from '../core/context.js';
import { errorDetail } from '../core/logger.js';
import { resumeDraft } from '../invoices/invoice-flow.js';
import { resumeCreate, SUBSCRIPTION_KEY_WINDOW_MS } from '../subscriptions/subscription-flow.js';

/** Midtrans honours an invoice create's X-Idempotency-Key for 5 minutes (docs/midtrans-wire.md §1). */
const INVOICE_KEY_WINDOW_MS = 5 * 60_000;

/** What a pass over interrupted creates did. */
export interface BillingSweep {
  /** Invoices and subscriptions whose create was completed. */
  resumed: number;
  /** Could not be completed now (Midtrans unreachable or refusing); tried again next run. */
  failed: number;
  /** Past the key window, marked failed: their outcome cannot be learnt safely. */
  abandoned: number;
}

// Younger records may still be in their own request; resuming them would be safe (same key) but wasted.
const MIN_AGE_MS = 30_000;
const BATCH = 100;

/** Finish the creates interrupted longer than `olderThan` ms ago (at most 30 s). */
export async function reconcileBilling(ctx: ServiceContext, olderThan: number): Promise<BillingSweep> {
  const sweep: BillingSweep = { resumed: 0, failed: 0, abandoned: 0 };
  const cutoff = ctx.now().getTime() - Math.min(olderThan, MIN_AGE_MS);
  const invoices = await ctx.store.invoices.list({ status: 'draft', limit: BATCH });
  for (const invoice of invoices.items) {
    if (invoice.request === null || invoice.updatedAt.getTime() > cutoff) continue;
    const pastWindow = ctx.now().getTime() - invoice.createdAt.getTime() >= INVOICE_KEY_WINDOW_MS;
    await attempt(ctx, sweep, { invoiceId: invoice.id }, async () => {
      try {
        await resumeDraft(ctx, invoice);
      } catch (error) {
        // Past the key's window a 409 means an earlier send made it and its id cannot be learnt.
        if (!(pastWindow && error instanceof MidtransApiError && error.httpStatus === 409)) throw error;
        await abandonInvoice(ctx, invoice.id);
        sweep.abandoned += 1;
        sweep.resumed -= 1;
      }
    });
  }
  const subscriptions = await ctx.store.subscriptions.list({ status: 'created', limit: BATCH });
  for (const subscription of subscriptions.items) {
    if (subscription.request === null || subscription.updatedAt.getTime() > cutoff) continue;
    if (ctx.now().getTime() - subscription.createdAt.getTime() >= SUBSCRIPTION_KEY_WINDOW_MS) {
      await abandon(ctx, subscription.id);
      sweep.abandoned += 1;
      continue;
    }
    await attempt(ctx, sweep, { subscriptionId: subscription.id }, () => resumeCreate(ctx, subscription));
  }
  return sweep;
}

async function attempt(
  ctx: ServiceContext,
  sweep: BillingSweep,
  ids: Record<string, string>,
  resume: () => Promise<unknown>,
): Promise<void> {
  try {
    await resume();
    sweep.resumed += 1;
  } catch (error) {
    sweep.failed += 1;
    ctx.logger.warn({ ...errorDetail(error), ...ids }, 'midtrans-kit: reconciler could not finish a create');
  }
}

async function abandonInvoice(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const locked = await tx.invoices.lockById(id);
    if (locked === undefined || locked.status !== 'draft') return;
    await tx.invoices.update(id, {
      status: 'failed',
      lastError:
        'Midtrans already has an invoice for this order id, made by an earlier send whose answer was lost; ' +
        'find it in the Midtrans dashboard (and void it there if it is not wanted).',
    });
  });
  ctx.logger.warn({ invoiceId: id }, 'midtrans-kit: invoice create could not be confirmed; marked failed');
}

async function abandon(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const locked = await tx.subscriptions.lockById(id);
    if (locked === undefined || locked.status !== 'created') return;
    await tx.subscriptions.update(id, {
      status: 'failed',
      lastError:
        "The create was interrupted and could not be confirmed within Midtrans's 3-minute key window; " +
        'a second create could charge twice. Check the Midtrans dashboard for this subscription.',
    });
  });
  ctx.logger.warn(
    { subscriptionId: id },
    'midtrans-kit: subscription create could not be confirmed; marked failed',
  );
}
