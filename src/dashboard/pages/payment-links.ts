/** Payment links: the list (filter by status) and one link with its lines, payments and the delete action. */
import { seg } from '../../http/match.js';
import { PAYMENT_LINK_STATUSES } from '../../services/payment-links/payment-link-schema.js';
import type { PaymentLinkStatus } from '../../storage/records/payment-link.js';
import type { PageContext, PageResult } from '../context.js';
import { formatDate, formatIdr, formatJson } from '../format.js';
import { actionForm } from '../forms.js';
import { html } from '../html.js';
import { badge } from '../layout.js';
import { paymentTable } from './payments.js';
import { statusList } from './status-list.js';

const isStatus = (value: string): value is PaymentLinkStatus =>
  (PAYMENT_LINK_STATUSES as readonly string[]).includes(value);

/** The payment links list. */
export async function paymentLinksPage(ctx: PageContext): Promise<PageResult> {
  const { page, filters, pager } = await statusList(ctx, '/payment-links', PAYMENT_LINK_STATUSES, (query) => {
    const { status, ...rest } = query;
    // A status that is not one of the link's matches nothing rather than everything.
    if (status !== undefined && !isStatus(status)) return Promise.resolve({ items: [], nextCursor: null });
    return ctx.kit.store.paymentLinks.list(status === undefined ? rest : { ...rest, status });
  });
  const rows = page.items.map(
    (l) =>
      html`<tr><td><a href="${ctx.base}/payment-links/${seg(l.id)}">${l.orderId}</a></td><td>${l.title ?? ''}<br><span class="muted">${l.userId ?? ''}</span></td><td>${badge(l.status)}</td><td class="num">${l.usageCount}${l.usageLimit === null ? '' : ` / ${l.usageLimit}`}</td><td>${formatDate(l.expiresAt, ctx.timeZone)}</td><td class="num">${formatIdr(l.grossAmount)}</td></tr>`,
  );
  const table =
    page.items.length === 0
      ? html`<p class="muted">No payment links match.</p>`
      : html`<table><thead><tr><th>Order id</th><th>Title / owner</th><th>Status</th><th class="num">Used</th><th>Expires</th><th class="num">Amount</th></tr></thead><tbody>${rows}</tbody></table>`;
  return { title: 'Payment links', body: html`${filters}${table}${pager}` };
}

/** One payment link. */
export async function paymentLinkPage(ctx: PageContext): Promise<PageResult> {
  const link = await ctx.kit.paymentLinks.get(ctx.params.id ?? '');
  const [items, payments] = await Promise.all([
    ctx.kit.store.paymentLinkItems.listByPaymentLink(link.id),
    ctx.kit.store.payments.listByPaymentLink(link.id),
  ]);
  const lines = items.map(
    (i) =>
      html`<tr><td>${i.name}</td><td class="num">${i.quantity}</td><td class="num">${formatIdr(i.price)}</td><td class="num">${formatIdr(i.price * i.quantity)}</td></tr>`,
  );
  const deleteForm = ['active', 'used', 'draft'].includes(link.status)
    ? actionForm(ctx, {
        action: 'dashboard.delete_payment_link',
        path: `/payment-links/${seg(link.id)}/delete`,
        label: 'Delete payment link',
        confirm: 'Delete this payment link',
        danger: true,
      })
    : html``;
  const limit = link.usageLimit === null ? 'no limit' : String(link.usageLimit);
  const body = html`<p>${badge(link.status)} <strong>${formatIdr(link.grossAmount)}</strong> · used ${link.usageCount} of ${limit} · paid ${formatIdr(link.paidAmount)}</p>
<div class="actions">${deleteForm}</div>
<dl class="fields"><dt>Title</dt><dd>${link.title ?? '—'}</dd><dt>Owner</dt><dd>${link.userId ?? '—'}</dd>
<dt>Customer</dt><dd>${link.customerFirstName ?? '—'} ${link.customerLastName ?? ''} ${link.customerEmail ?? ''} ${link.customerPhone ?? ''}</dd>
<dt>Order id</dt><dd>${link.orderId}</dd><dt>Payment URL</dt><dd>${link.paymentUrl ?? '—'}</dd>
<dt>Opens</dt><dd>${formatDate(link.startsAt, ctx.timeZone)}</dd><dt>Expires</dt><dd>${formatDate(link.expiresAt, ctx.timeZone)}</dd>
<dt>Deleted at</dt><dd>${formatDate(link.deletedAt, ctx.timeZone)}</dd><dt>Last error</dt><dd>${link.lastError ?? '—'}</dd>
<dt>Created</dt><dd>${formatDate(link.createdAt, ctx.timeZone)}</dd></dl>
<h2>Lines</h2><table><thead><tr><th>Name</th><th class="num">Quantity</th><th class="num">Price</th><th class="num">Amount</th></tr></thead><tbody>${lines}</tbody></table>
<h2>Payments</h2>${paymentTable(ctx, payments)}
<h2>Metadata</h2><pre>${formatJson(link.metadata)}</pre>`;
  return { title: `Payment link ${link.orderId}`, body };
}
