/**
 * Payments: filters (status, type, creation dates), one search box (order id or transaction id,
 * exact; an email searches by customer email), keyset paging and the totals of the rows shown.
 */
import { PaymentStatus, PaymentType } from '../../constants.js';
import { chargedAmount } from '../../domain/money.js';
import { seg } from '../../http/match.js';
import type { Page } from '../../storage/paging.js';
import type { Payment, PaymentListQuery } from '../../storage/records/payment.js';
import { link, type PageContext, type PageResult } from '../context.js';
import { formatDate, formatIdr } from '../format.js';
import { input, select } from '../forms.js';
import { html, type SafeHtml } from '../html.js';
import { badge } from '../layout.js';
import { startOfDay } from '../time.js';

const STATUSES: readonly string[] = Object.values(PaymentStatus);
const TYPES: readonly string[] = Object.values(PaymentType);

/** The payments list. */
export async function paymentsPage(ctx: PageContext): Promise<PageResult> {
  const filters = {
    q: ctx.query('q'),
    status: ctx.query('status'),
    type: ctx.query('type'),
    from: ctx.query('from'),
    to: ctx.query('to'),
  };
  const page = await findPayments(ctx, filters);
  const next = page.nextCursor
    ? link(ctx.base, '/payments', { ...filters, cursor: page.nextCursor })
    : undefined;
  const form = html`<form method="get" action="${ctx.base}/payments" class="filters" role="search">
${input('q', 'Order id, transaction id or email', { value: filters.q, placeholder: 'ORDER-…' })}
${select('status', 'Status', STATUSES, filters.status)}
${select('type', 'Type', TYPES, filters.type)}
${input('from', 'Created from', { value: filters.from, type: 'date' })}
${input('to', 'Created to', { value: filters.to, type: 'date' })}
<button type="submit">Filter</button> <a href="${ctx.base}/payments">Clear</a>
</form>`;
  return { title: 'Payments', body: html`${form}${paymentTable(ctx, page.items)}${pager(ctx, next)}` };
}

async function findPayments(ctx: PageContext, f: Record<string, string | undefined>): Promise<Page<Payment>> {
  const repo = ctx.kit.store.payments;
  if (f.q !== undefined && !f.q.includes('@')) {
    const found = (await repo.findByOrderId(f.q)) ?? (await repo.findByTransactionId(f.q));
    return { items: found ? [found] : [], nextCursor: null };
  }
  const query: PaymentListQuery = { limit: ctx.pageSize };
  const cursor = ctx.query('cursor');
  if (cursor !== undefined) query.cursor = cursor;
  if (f.q !== undefined) query.customerEmail = f.q;
  if (f.status !== undefined && STATUSES.includes(f.status)) query.status = f.status as PaymentStatus;
  if (f.type !== undefined) query.paymentType = f.type;
  if (f.from !== undefined) query.createdFrom = startOfDay(f.from, ctx.timeZone, 'from');
  if (f.to !== undefined) query.createdBefore = startOfDay(f.to, ctx.timeZone, 'to', 1);
  return repo.list(query);
}

/** A table of payments with the totals of its rows (also used by the overview). */
export function paymentTable(ctx: PageContext, items: readonly Payment[]): SafeHtml {
  if (items.length === 0) return html`<p class="muted">No payments match.</p>`;
  const rows = items.map(
    (p) => html`<tr>
<td><a href="${ctx.base}/payments/${seg(p.orderId)}">${p.orderId}</a></td>
<td>${formatDate(p.createdAt, ctx.timeZone)}</td>
<td>${customerCell(p)}</td>
<td>${p.paymentType ?? '—'}</td>
<td>${badge(p.status)}</td>
<td class="num">${formatIdr(chargedAmount(p))}</td>
<td class="num">${p.refundedAmount > 0 ? formatIdr(p.refundedAmount) : ''}</td>
</tr>`,
  );
  const gross = items.reduce((sum, p) => sum + chargedAmount(p), 0);
  const refunded = items.reduce((sum, p) => sum + p.refundedAmount, 0);
  return html`<table>
<thead><tr><th>Order id</th><th>Created</th><th>Customer</th><th>Type</th><th>Status</th><th class="num">Amount</th><th class="num">Refunded</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><td colspan="5">Total of the ${items.length} shown</td><td class="num" data-total="gross">${formatIdr(gross)}</td><td class="num">${formatIdr(refunded)}</td></tr></tfoot>
</table>`;
}

/** Who paid: the customer details sent with the charge, else the host's user id it belongs to. */
function customerCell(p: Payment): SafeHtml {
  const name = [p.customerFirstName, p.customerLastName].filter(Boolean).join(' ');
  if (name === '' && p.customerEmail === null) {
    return p.userId === null ? html`—` : html`<span class="muted">user</span> ${p.userId}`;
  }
  return html`${name}<br><span class="muted">${p.customerEmail ?? ''}</span>`;
}

/** "Next page" (keyset paging has no page numbers) and "first page". */
export function pager(ctx: PageContext, next: string | undefined): SafeHtml {
  const first = ctx.query('cursor') !== undefined;
  if (!next && !first) return html``;
  return html`<p class="pager">${first ? html`<a href="${ctx.base}${ctx.here.replace(/([?&])cursor=[^&]*&?/, '$1').replace(/[?&]$/, '')}">First page</a> ` : ''}${next ? html`<a href="${next}" rel="next">Next page →</a>` : ''}</p>`;
}
