/** The simulated GoPay app page where a customer confirms linking their account to the merchant. */
import type { PayAccount } from '../records.js';
import { escapeHtml, page } from './layout.js';

/** The page: the account's status and, while it is pending, a "Link" button (a form POST). */
export function renderGopayLinkPage(account: PayAccount, action: string): string {
  const pending = account.status === 'PENDING';
  const button = pending
    ? `<form method="post" action="${escapeHtml(action)}"><button type="submit">Link</button></form>`
    : '';
  return page(
    'GoPay account linking',
    `<div class="card"><h1>Link your GoPay account</h1>
<p class="muted">The merchant asks to charge your GoPay wallet without asking again each time.</p>
<p>Status: <span class="status">${escapeHtml(account.status)}</span></p>${button}</div>`,
  );
}
