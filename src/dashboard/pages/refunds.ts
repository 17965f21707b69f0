/** Refunds across payments, newest first, with the payment each belongs to. */
import { link, type PageContext, type PageResult } from '../context.js';
import { select } from '../forms.js';
import { html } from '../html.js';
import { refundSection } from './payment-sections.js';
import { pager } from './payments.js';

const STATUSES = ['pending', 'succeeded', 'failed', 'unknown'] as const;

/** The refunds list. */
export async function refundsPage(ctx: PageContext): Promise<PageResult> {
  const status = ctx.query('status');
  const cursor = ctx.query('cursor');
  const page = await ctx.kit.store.refunds.list({
    limit: ctx.pageSize,
    ...(status === undefined ? {} : { status }),
    ...(cursor === undefined ? {} : { cursor }),
  });
  const orderIds = new Map<string, string>();
  for (const paymentId of new Set(page.items.map((r) => r.paymentId))) {
    const payment = await ctx.kit.store.payments.findById(paymentId);
    if (payment) orderIds.set(paymentId, payment.orderId);
  }
  const next = page.nextCursor ? link(ctx.base, '/refunds', { status, cursor: page.nextCursor }) : undefined;
  const filters = html`<form method="get" action="${ctx.base}/refunds" class="filters">${select('status', 'Status', STATUSES, status)}<button type="submit">Filter</button></form>`;
  return {
    title: 'Refunds',
    body: html`${filters}${refundSection(ctx, page.items, orderIds)}${pager(ctx, next)}`,
  };
}
