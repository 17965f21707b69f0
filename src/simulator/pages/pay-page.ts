/** `/pay/:id`: instructions for a transaction (VA number, bill key, payment code, QR string) with Pay/Fail. */
import { formatMidtransTime } from '../../domain/wire-time.js';
import type { SimTransaction } from '../transaction.js';
import { escapeHtml, page, rupiah, statusPill } from './layout.js';

function instructions(txn: SimTransaction): string {
  const f = txn.fields;
  const rows: [string, string][] = [];
  if (Array.isArray(f.va_numbers)) {
    for (const va of f.va_numbers) {
      if (va && typeof va === 'object' && !Array.isArray(va)) {
        rows.push([`${String(va.bank).toUpperCase()} virtual account`, String(va.va_number)]);
      }
    }
  }
  if (typeof f.permata_va_number === 'string') rows.push(['Permata virtual account', f.permata_va_number]);
  if (typeof f.bill_key === 'string') {
    rows.push(['Biller code', String(f.biller_code)], ['Bill key', f.bill_key]);
  }
  if (typeof f.payment_code === 'string') rows.push([`${String(f.store)} payment code`, f.payment_code]);
  if (typeof txn.chargeFields.qr_string === 'string') rows.push(['QR string', txn.chargeFields.qr_string]);
  if (typeof f.masked_card === 'string') rows.push(['Card', f.masked_card]);
  if (rows.length === 0) rows.push(['Pay with', txn.paymentType]);
  return rows
    .map(
      ([label, value]) =>
        `<p class="muted">${escapeHtml(label)}</p><div class="code">${escapeHtml(value)}</div>`,
    )
    .join('');
}

function finishLink(txn: SimTransaction, statusCode: string): string {
  if (!txn.finishUrl) return '';
  const url = new URL(txn.finishUrl);
  url.searchParams.set('order_id', txn.orderId);
  url.searchParams.set('status_code', statusCode);
  url.searchParams.set('transaction_status', txn.status);
  return `<a class="button secondary" href="${escapeHtml(url.toString())}">Back to merchant</a>`;
}

/** Render the pay page. */
export function renderPayPage(txn: SimTransaction, statusCode: string, message?: string): string {
  const id = encodeURIComponent(txn.transactionId);
  const payable = txn.status === 'pending';
  const buttons = payable
    ? `<form method="post" action="/pay/${id}/pay"><button class="pay" type="submit">Pay</button></form>
       <form method="post" action="/pay/${id}/fail"><button class="fail" type="submit">Fail</button></form>`
    : '';
  const expiry =
    payable && txn.expiryTime !== undefined
      ? `<dt>Pay before</dt><dd>${escapeHtml(formatMidtransTime(new Date(txn.expiryTime)))} (GMT+7)</dd>`
      : '';
  return page(
    `Order ${txn.orderId}`,
    `<div class="card"><p class="muted">Order</p><h1>${escapeHtml(txn.orderId)}</h1>
     <div class="amount">${rupiah(txn.grossAmount)}</div>
     <dl><dt>Status</dt><dd>${statusPill(txn.status)}${txn.fraudStatus === 'challenge' ? ' (challenge)' : ''}</dd>
     <dt>Payment</dt><dd>${escapeHtml(txn.paymentType)}</dd>${expiry}</dl></div>
     ${message ? `<div class="card"><p class="error">${escapeHtml(message)}</p></div>` : ''}
     <div class="card">${instructions(txn)}
     <div class="actions">${buttons}${finishLink(txn, statusCode)}</div></div>`,
  );
}
