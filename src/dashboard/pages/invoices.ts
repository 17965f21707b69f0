/** Invoices: the list (filter by status) and one invoice with its lines, payments and the void action. */
import { InvoiceStatus } from '../../constants.js';
import { seg } from '../../http/match.js';
import type { PageContext, PageResult } from '../context.js';
import { formatDate, formatIdr, formatJson } from '../format.js';
import { actionForm, input } from '../forms.js';
import { html } from '../html.js';
import { badge } from '../layout.js';
import { paymentTable } from './payments.js';
import { statusList } from './status-list.js';

const STATUSES: readonly string[] = Object.values(InvoiceStatus);

/** The invoices list. */
export async function invoicesPage(ctx: PageContext): Promise<PageResult> {
  const { page, filters, pager } = await statusList(ctx, '/invoices', STATUSES, (query) =>
    ctx.kit.store.invoices.list(query),
  );
  const rows = page.items.map(
    (i) =>
      html`<tr><td><a href="${ctx.base}/invoices/${seg(i.id)}">${i.invoiceNumber}</a></td><td>${i.customerName ?? ''}<br><span class="muted">${i.customerEmail ?? ''}</span></td><td>${badge(i.status)}</td><td>${formatDate(i.dueDate, ctx.timeZone)}</td><td class="num">${formatIdr(i.totalAmount)}</td></tr>`,
  );
  const total = page.items.reduce((sum, i) => sum + i.totalAmount, 0);
  const table =
    page.items.length === 0
      ? html`<p class="muted">No invoices match.</p>`
      : html`<table><thead><tr><th>Number</th><th>Customer</th><th>Status</th><th>Due</th><th class="num">Total</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><td colspan="4">Total of the ${page.items.length} shown</td><td class="num">${formatIdr(total)}</td></tr></tfoot></table>`;
  return { title: 'Invoices', body: html`${filters}${table}${pager}` };
}

/** One invoice. */
export async function invoicePage(ctx: PageContext): Promise<PageResult> {
  const invoice = await ctx.kit.invoices.getInvoice(ctx.params.id ?? '');
  const [items, payments] = await Promise.all([
    ctx.kit.store.invoiceItems.listByInvoice(invoice.id),
    ctx.kit.store.payments.listByInvoice(invoice.id),
  ]);
  const lines = items.map(
    (i) =>
      html`<tr><td>${i.description}</td><td class="num">${i.quantity}</td><td class="num">${formatIdr(i.price)}</td><td class="num">${formatIdr(i.price * i.quantity)}</td></tr>`,
  );
  const voidForm = ['pending', 'overdue'].includes(invoice.status)
    ? actionForm(ctx, {
        action: 'dashboard.void_invoice',
        path: `/invoices/${seg(invoice.id)}/void`,
        label: 'Void invoice',
        confirm: 'Void this invoice',
        danger: true,
        fields: input('reason', 'Reason'),
      })
    : html``;
  const body = html`<p>${badge(invoice.status)} <strong>${formatIdr(invoice.totalAmount)}</strong> · due ${formatDate(invoice.dueDate, ctx.timeZone)}</p>
<div class="actions">${voidForm}</div>
<dl class="fields"><dt>Customer</dt><dd>${invoice.customerName ?? '—'} ${invoice.customerEmail ?? ''} ${invoice.customerPhone ?? ''}</dd>
<dt>Order id</dt><dd>${invoice.orderId}</dd><dt>Midtrans id</dt><dd>${invoice.midtransInvoiceId ?? '—'}</dd>
<dt>Payment type</dt><dd>${invoice.paymentType ?? '—'}</dd><dt>Paid at</dt><dd>${formatDate(invoice.paidAt, ctx.timeZone)}</dd>
<dt>Void reason</dt><dd>${invoice.voidReason ?? '—'}</dd><dt>Last error</dt><dd>${invoice.lastError ?? '—'}</dd>
<dt>Notes</dt><dd>${invoice.notes ?? '—'}</dd><dt>Created</dt><dd>${formatDate(invoice.createdAt, ctx.timeZone)}</dd></dl>
<h2>Lines</h2><table><thead><tr><th>Description</th><th class="num">Quantity</th><th class="num">Price</th><th class="num">Amount</th></tr></thead><tbody>${lines}</tbody></table>
<h2>Payments</h2>${paymentTable(ctx, payments)}
<h2>Last response from Midtrans</h2><pre>${formatJson(invoice.response)}</pre>`;
  return { title: `Invoice ${invoice.invoiceNumber}`, body };
}
