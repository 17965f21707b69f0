/** The invoice payment-link page (`payment_link_url`) and its printable stand-in for `pdf_url`. */
import type { SimInvoice } from '../records.js';
import { escapeHtml, page, rupiah, statusPill } from './layout.js';

/** Render the invoice page; `payable` shows the Pay button. */
export function renderInvoicePage(invoice: SimInvoice, status: string): string {
  const payable = status === 'pending' || status === 'overdue';
  const number = typeof invoice.echo.invoice_number === 'string' ? invoice.echo.invoice_number : invoice.id;
  const vas = invoice.virtualAccounts
    .map(
      (va) => `<p class="muted">${escapeHtml(va.bank)}</p><div class="code">${escapeHtml(va.number)}</div>`,
    )
    .join('');
  return page(
    `Invoice ${number}`,
    `<div class="card"><p class="muted">Invoice</p><h1>${escapeHtml(number)}</h1>
     <div class="amount">${rupiah(invoice.grossAmount)}</div>
     <dl><dt>Status</dt><dd>${statusPill(status)}</dd><dt>Order</dt><dd>${escapeHtml(invoice.orderId)}</dd></dl>
     ${vas}
     <div class="actions">${
       payable
         ? `<form method="post" action="/invoices/${encodeURIComponent(invoice.id)}/pay"><button class="pay" type="submit">Pay</button></form>`
         : ''
     }</div></div>`,
  );
}
