/** Tables shared by the payment page and the lists: status history, refunds, notifications. */

import { seg } from '../../http/match.js';
import type { Notification } from '../../storage/records/notification.js';
import type { PaymentEvent } from '../../storage/records/payment-event.js';
import type { Refund } from '../../storage/records/refund.js';
import type { PageContext } from '../context.js';
import { formatDate, formatIdr, formatJson, formatRawBody } from '../format.js';
import { actionForm } from '../forms.js';
import { html, type SafeHtml } from '../html.js';
import { badge } from '../layout.js';

/** The status changes of a payment, oldest first. */
export function historySection(ctx: PageContext, events: readonly PaymentEvent[]): SafeHtml {
  if (events.length === 0) return html`<p class="muted">No status change recorded.</p>`;
  const rows = events.map(
    (e) =>
      html`<tr><td>${formatDate(e.createdAt, ctx.timeZone)}</td><td>${e.fromStatus ?? '—'} → ${badge(e.toStatus)}</td><td>${e.source}</td><td><small>${e.data ? JSON.stringify(e.data) : ''}</small></td></tr>`,
  );
  return html`<table data-section="history"><thead><tr><th>When</th><th>Change</th><th>Source</th><th>Detail</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Refunds; `withPayment` adds a link to each one's payment (the refunds page). */
export function refundSection(
  ctx: PageContext,
  refunds: readonly Refund[],
  orderIds?: ReadonlyMap<string, string>,
): SafeHtml {
  if (refunds.length === 0) return html`<p class="muted">No refunds.</p>`;
  const rows = refunds.map((r) => {
    const orderId = orderIds?.get(r.paymentId);
    return html`<tr>${orderIds ? html`<td>${orderId ? html`<a href="${ctx.base}/payments/${seg(orderId)}">${orderId}</a>` : r.paymentId}</td>` : ''}<td>${formatDate(r.createdAt, ctx.timeZone)}</td><td class="num">${formatIdr(r.amount)}</td><td>${badge(r.status)}</td><td>${r.reason ?? ''}</td><td>${r.isDirect ? 'direct' : 'standard'}</td><td>${r.refundKey}</td><td>${r.statusMessage ?? ''}</td></tr>`;
  });
  const total = refunds.reduce((sum, r) => sum + r.amount, 0);
  return html`<table data-section="refunds"><thead><tr>${orderIds ? html`<th>Payment</th>` : ''}<th>When</th><th class="num">Amount</th><th>Status</th><th>Reason</th><th>Kind</th><th>Refund key</th><th>Midtrans</th></tr></thead><tbody>${rows}</tbody>
<tfoot><tr>${orderIds ? html`<td></td>` : ''}<td>Total of the ${refunds.length} shown</td><td class="num">${formatIdr(total)}</td><td colspan="5"></td></tr></tfoot></table>`;
}

/** Webhook deliveries with their verdicts, raw bodies and a replay form each. */
export function notificationSection(ctx: PageContext, items: readonly Notification[]): SafeHtml {
  if (items.length === 0) return html`<p class="muted">No notifications.</p>`;
  const rows = items.map(
    (n) => html`<tr id="n-${n.id}">
<td>${formatDate(n.receivedAt, ctx.timeZone)}</td>
<td>${n.orderId ? html`<a href="${ctx.base}/payments/${seg(n.orderId)}">${n.orderId}</a>` : '—'}</td>
<td>${n.transactionStatus ?? '—'}</td>
<td>${badge(n.outcome)}${n.replayOf ? html`<br><small class="muted">replay of ${n.replayOf}</small>` : ''}</td>
<td>${n.signatureValid === null ? '—' : n.signatureValid ? 'valid' : 'invalid'}</td>
<td>${n.error ?? ''}</td>
<td><details><summary>Raw body</summary><pre>${formatRawBody(n.rawBody)}</pre>${n.headers ? html`<pre>${formatJson(n.headers)}</pre>` : ''}</details></td>
<td>${actionForm(ctx, { action: 'dashboard.replay', path: `/notifications/${seg(n.id)}/replay`, label: 'Replay', confirm: 'Replay' })}</td>
</tr>`,
  );
  return html`<table data-section="notifications"><thead><tr><th>Received</th><th>Order id</th><th>Midtrans status</th><th>Verdict</th><th>Signature</th><th>Error</th><th>Body</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}
