/** The page a payment link's `payment_url` opens: amount, usage, and a Pay button while payable. */
import type { SimPaymentLink } from '../records.js';
import { escapeHtml, page, rupiah, statusPill } from './layout.js';

/** Render the payment link page; `notice` is shown above the button (e.g. why a payment was refused). */
export function renderPaymentLinkPage(link: SimPaymentLink, status: string, notice?: string): string {
  const title = typeof link.echo.title === 'string' ? link.echo.title : `Order ${link.orderId}`;
  const limit = link.usageLimit === null ? 'no limit' : String(link.usageLimit);
  const last = link.purchases.at(-1);
  return page(
    title,
    `<div class="card"><p class="muted">Payment link</p><h1>${escapeHtml(title)}</h1>
     <div class="amount">${rupiah(link.grossAmount)}</div>
     <dl><dt>Status</dt><dd>${statusPill(status)}</dd><dt>Order</dt><dd>${escapeHtml(link.orderId)}</dd>
     <dt>Used</dt><dd>${link.usage} of ${escapeHtml(limit)}</dd>
     ${last === undefined ? '' : `<dt>Last payment</dt><dd><a href="/pay/${encodeURIComponent(last)}">${escapeHtml(last)}</a></dd>`}</dl>
     ${notice === undefined ? '' : `<p class="error">${escapeHtml(notice)}</p>`}
     <div class="actions">${
       status === 'active'
         ? `<form method="post" action="/payment-links/${encodeURIComponent(link.linkId)}/pay"><button class="pay" type="submit">Pay</button></form>`
         : ''
     }</div></div>`,
  );
}
