/** The Snap checkout page behind Snap's `redirect_url`: pick a method, then see its instructions. */
import type { SnapSession } from '../records.js';
import { SNAP_METHODS, sessionMethods } from '../snap.js';
import { escapeHtml, page, rupiah } from './layout.js';

/** Render the method picker. */
export function renderSnapPage(session: SnapSession, error?: string): string {
  const action = `/snap/v2/vtweb/${encodeURIComponent(session.token)}`;
  const methods = sessionMethods(session);
  const buttons = methods
    .filter((method) => method !== 'credit_card')
    .map(
      (method) =>
        `<button type="submit" name="method" value="${escapeHtml(method)}">${escapeHtml(SNAP_METHODS.get(method)?.label ?? method)}</button>`,
    )
    .join('');
  const card = methods.includes('credit_card')
    ? `<div class="card"><h1>Credit / debit card</h1><form method="post" action="${action}">
         <input type="hidden" name="method" value="credit_card">
         <label for="card_number">Card number (sandbox 4811 1111 1111 1114 accepts)</label>
         <input id="card_number" name="card_number" value="4811 1111 1111 1114" inputmode="numeric">
         <div class="actions"><button class="pay" type="submit">Pay with card</button></div></form></div>`
    : '';
  return page(
    'Checkout',
    `<div class="card"><p class="muted">Order</p><h1>${escapeHtml(session.orderId)}</h1>
     <div class="amount">${rupiah(session.grossAmount)}</div>
     ${error ? `<p class="error">${escapeHtml(error)}</p>` : ''}</div>
     ${buttons ? `<div class="card"><h1>Choose a payment method</h1><form method="post" action="${action}" class="methods">${buttons}</form></div>` : ''}
     ${card}`,
  );
}
