/** Subscriptions: the list (filter by status) and one subscription with its charges and actions. */

import { seg } from '../../http/match.js';
import type { PageContext, PageResult } from '../context.js';
import { formatDate, formatIdr, formatJson } from '../format.js';
import { actionForm } from '../forms.js';
import { html } from '../html.js';
import { badge } from '../layout.js';
import { statusList } from './status-list.js';

const STATUSES = ['created', 'active', 'inactive', 'disabled', 'cancelled', 'failed'] as const;

/** The subscriptions list. */
export async function subscriptionsPage(ctx: PageContext): Promise<PageResult> {
  const { page, filters, pager } = await statusList(ctx, '/subscriptions', STATUSES, (query) =>
    ctx.kit.store.subscriptions.list(query),
  );
  const rows = page.items.map(
    (s) =>
      html`<tr><td><a href="${ctx.base}/subscriptions/${seg(s.id)}">${s.name}</a></td><td>${s.customerEmail ?? ''}</td><td>${s.paymentType}</td><td>${badge(s.status)}</td><td>every ${s.interval} ${s.intervalUnit}</td><td>${formatDate(s.nextExecutionAt, ctx.timeZone)}</td><td class="num">${formatIdr(s.amount)}</td></tr>`,
  );
  const table =
    page.items.length === 0
      ? html`<p class="muted">No subscriptions match.</p>`
      : html`<table><thead><tr><th>Name</th><th>Customer</th><th>Type</th><th>Status</th><th>Schedule</th><th>Next charge</th><th class="num">Amount</th></tr></thead><tbody>${rows}</tbody></table>`;
  return { title: 'Subscriptions', body: html`${filters}${table}${pager}` };
}

/** One subscription. The saved card token is never shown. */
export async function subscriptionPage(ctx: PageContext): Promise<PageResult> {
  const s = await ctx.kit.subscriptions.getSubscription(ctx.params.id ?? '');
  const path = (op: string) => `/subscriptions/${seg(s.id)}/${op}`;
  const forms = [
    ['disabled', 'inactive'].includes(s.status)
      ? actionForm(ctx, {
          action: 'dashboard.enable_subscription',
          path: path('enable'),
          label: 'Enable',
          confirm: 'Charge again from the next billing time',
        })
      : html``,
    ['active', 'inactive'].includes(s.status)
      ? actionForm(ctx, {
          action: 'dashboard.disable_subscription',
          path: path('disable'),
          label: 'Disable',
          confirm: 'Stop charging',
        })
      : html``,
    ['active', 'inactive', 'disabled'].includes(s.status)
      ? actionForm(ctx, {
          action: 'dashboard.cancel_subscription',
          path: path('cancel'),
          label: 'Cancel subscription',
          confirm: 'Cancel for good',
          danger: true,
        })
      : html``,
  ];
  const body = html`<p>${badge(s.status)} <strong>${formatIdr(s.amount)}</strong> every ${s.interval} ${s.intervalUnit} · ${s.paymentType}</p>
<div class="actions">${forms}</div>
<dl class="fields"><dt>Midtrans id</dt><dd>${s.midtransSubscriptionId ?? '—'}</dd><dt>Customer</dt><dd>${s.customerEmail ?? '—'}</dd>
<dt>Next charge</dt><dd>${formatDate(s.nextExecutionAt, ctx.timeZone)}</dd><dt>Last charge</dt><dd>${formatDate(s.lastChargeAt, ctx.timeZone)} ${s.lastChargeStatus ?? ''}</dd>
<dt>Charges</dt><dd>${s.chargeCount} (${s.failureCount} failed)</dd><dt>Last error</dt><dd>${s.lastError ?? '—'}</dd>
<dt>Created</dt><dd>${formatDate(s.createdAt, ctx.timeZone)}</dd></dl>
<h2>Last response from Midtrans</h2><pre>${formatJson(s.response)}</pre>`;
  return { title: `Subscription ${s.name}`, body };
}
