/**
 * One payment: every field, how to pay, the actions its status allows, its status history, every
 * notification about it (raw body and verdict), its refunds, the invoice or subscription it
 * belongs to, and Midtrans's raw bodies.
 */
import { chargedAmount } from '../../domain/money.js';
import { operationsForPaymentStatus } from '../../domain/operations.js';
import { seg } from '../../http/match.js';
import type { Payment } from '../../storage/records/payment.js';
import type { PageContext, PageResult } from '../context.js';
import { formatDate, formatIdr, formatJson } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { badge } from '../layout.js';
import { paymentActions } from './payment-actions.js';
import { historySection, notificationSection, refundSection } from './payment-sections.js';

// Shown in their own sections (JSON blocks), not in the field list.
const BLOCKS = new Set([
  'chargeRequest',
  'chargeResponse',
  'lastResponse',
  'customerDetails',
  'itemDetails',
  'metadata',
  'actions',
]);
const MONEY = new Set(['grossAmount', 'capturedAmount', 'refundedAmount']);

/** The payment page. */
export async function paymentPage(ctx: PageContext): Promise<PageResult> {
  const payment = await ctx.kit.payments.getPayment(ctx.params.orderId ?? '');
  const store = ctx.kit.store;
  const [events, notifications, refunds, invoice, subscription] = await Promise.all([
    store.paymentEvents.listByPayment(payment.id),
    store.notifications.list({ orderId: payment.orderId, limit: 100 }),
    store.refunds.listByPayment(payment.id),
    payment.invoiceId ? store.invoices.findById(payment.invoiceId) : undefined,
    payment.subscriptionId ? store.subscriptions.findById(payment.subscriptionId) : undefined,
  ]);
  const linked = html`${invoice ? html`<p>Pays invoice <a href="${ctx.base}/invoices/${seg(invoice.id)}">${invoice.invoiceNumber}</a> (${badge(invoice.status)}).</p>` : ''}${subscription ? html`<p>Charged by subscription <a href="${ctx.base}/subscriptions/${seg(subscription.id)}">${subscription.name}</a> (${badge(subscription.status)}).</p>` : ''}`;
  const body = html`<p>${badge(payment.status)} <strong>${formatIdr(chargedAmount(payment))}</strong>${payment.capturedAmount !== null && payment.capturedAmount !== payment.grossAmount ? html` captured of ${formatIdr(payment.grossAmount)} authorised` : ''} · ${payment.paymentType ?? 'type not chosen yet'}${payment.refundedAmount > 0 ? html` · refunded ${formatIdr(payment.refundedAmount)}` : ''}</p>
${linked}
${paymentActions(ctx, payment, operationsForPaymentStatus(payment.status), refunds.length)}
<h2>Payment instructions</h2>${instructions(payment, ctx.timeZone)}
<h2>Status history</h2>${historySection(ctx, events)}
<h2>Refunds</h2>${refundSection(ctx, refunds)}
<h2>Notifications</h2>${notificationSection(ctx, notifications.items)}
<h2>Fields</h2>${fieldList(ctx, payment)}
<h2>Customer and items</h2><pre>${formatJson({ customerDetails: payment.customerDetails, itemDetails: payment.itemDetails, metadata: payment.metadata })}</pre>
<h2>Last response from Midtrans</h2><pre data-section="last-response">${formatJson(payment.lastResponse)}</pre>
<details><summary>Charge request and response</summary><pre>${formatJson(payment.chargeRequest)}</pre><pre>${formatJson(payment.chargeResponse)}</pre></details>`;
  return { title: `Payment ${payment.orderId}`, body };
}

function fieldList(ctx: PageContext, payment: Payment): SafeHtml {
  const rows = Object.entries(payment)
    .filter(([name]) => !BLOCKS.has(name))
    .map(([name, value]) => html`<dt>${name}</dt><dd>${show(ctx, name, value)}</dd>`);
  return html`<dl class="fields">${rows}</dl>`;
}

function show(ctx: PageContext, name: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (value instanceof Date) return formatDate(value, ctx.timeZone);
  if (MONEY.has(name) && typeof value === 'number') return formatIdr(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function instructions(p: Payment, timeZone: string): SafeHtml {
  const lines: SafeHtml[] = [];
  if (p.vaNumber) lines.push(html`<dt>Virtual account (${p.bank ?? 'bank'})</dt><dd>${p.vaNumber}</dd>`);
  if (p.billKey)
    lines.push(html`<dt>Mandiri bill</dt><dd>biller ${p.billerCode ?? '—'}, key ${p.billKey}</dd>`);
  if (p.paymentCode) lines.push(html`<dt>Payment code (${p.store ?? 'store'})</dt><dd>${p.paymentCode}</dd>`);
  if (p.qrString) lines.push(html`<dt>QR string</dt><dd>${p.qrString}</dd>`);
  if (p.deeplinkUrl) lines.push(html`<dt>Deeplink</dt><dd>${externalLink(p.deeplinkUrl)}</dd>`);
  if (p.redirectUrl) lines.push(html`<dt>Redirect</dt><dd>${externalLink(p.redirectUrl)}</dd>`);
  for (const action of p.actions ?? []) {
    const { name, url } = (action ?? {}) as { name?: unknown; url?: unknown };
    if (typeof url === 'string')
      lines.push(html`<dt>${String(name ?? 'action')}</dt><dd>${externalLink(url)}</dd>`);
  }
  if (p.expiryTime) lines.push(html`<dt>Pay by</dt><dd>${formatDate(p.expiryTime, timeZone)}</dd>`);
  return lines.length === 0
    ? html`<p class="muted">None recorded.</p>`
    : html`<dl class="fields">${lines}</dl>`;
}

// Only web links become links: a stored `javascript:` URL stays text.
function externalLink(url: string): SafeHtml {
  return /^https?:\/\//i.test(url)
    ? html`<a href="${url}" rel="noreferrer noopener">${url}</a>`
    : html`${url}`;
}
