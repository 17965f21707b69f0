/** The card 3DS page behind a charge's `redirect_url`: OTP field (sandbox OTP 112233), Pay / Fail. */
import type { SimTransaction } from '../transaction.js';
import { escapeHtml, page, rupiah } from './layout.js';

/** The sandbox one-time password. */
export const SANDBOX_OTP = '112233';

/** Render the 3DS page. */
export function renderThreeDsPage(txn: SimTransaction, error?: string): string {
  const action = `/v2/3ds/redirect/${encodeURIComponent(txn.transactionId)}`;
  return page(
    '3D Secure',
    `<div class="card"><p class="muted">3D Secure verification · ${escapeHtml(String(txn.fields.masked_card ?? ''))}</p>
     <h1>${escapeHtml(txn.orderId)}</h1><div class="amount">${rupiah(txn.grossAmount)}</div>
     ${error ? `<p class="error">${escapeHtml(error)}</p>` : ''}
     <form method="post" action="${action}">
       <label for="otp">One-time password (sandbox: ${SANDBOX_OTP})</label>
       <input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" value="" placeholder="${SANDBOX_OTP}">
       <div class="actions"><button class="pay" type="submit" name="action" value="pay">Pay</button>
       <button class="fail" type="submit" name="action" value="fail">Fail</button></div>
     </form></div>`,
  );
}
