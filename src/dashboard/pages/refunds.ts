/** Refunds across payments, newest first, with the payment each belongs to. */
import type { PageContext, PageResult } from '../context.js';
import { html } from '../html.js';
import { refundSection } from './payment-sections.js';
import { statusList } from './status-list.js';

const STATUSES = ['pending', 'succeeded', 'failed', 'unknown'] as const;

/** The refunds list. */
export async function refundsPage(ctx: PageContext): Promise<PageResult> {
  const { page, filters, pager } = await statusList(ctx, '/refunds', STATUSES, (query) =>
    ctx.kit.store.refunds.list(query),
  );
  const orderIds = new Map<string, string>();
  for (const paymentId of new Set(page.items.map((r) => r.paymentId))) {
    const payment = await ctx.kit.store.payments.findById(paymentId);
    if (payment) orderIds.set(paymentId, payment.orderId);
  }
  return {
    title: 'Refunds',
    body: html`${filters}${refundSection(ctx, page.items, orderIds)}${pager}`,
  };
}
