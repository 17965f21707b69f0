/**
 * Paying an invoice: a VA transaction for the invoice amount, settled at once, whose
 * notification carries `metadata.midtrans_invoice_id` (the invoice id).
 */
import type { SimContext } from './context.js';
import { createTransaction } from './create-transaction.js';
import { transition } from './engine.js';
import { invoiceStatus } from './invoices.js';
import { METHOD_BUILDERS } from './payment-types.js';
import type { SimInvoice } from './records.js';
import type { SimTransaction } from './transaction.js';

/** Pay an invoice: settle a VA transaction for it. Returns an error message when not payable. */
export function payInvoice(ctx: SimContext, invoice: SimInvoice): SimTransaction | string {
  const status = invoiceStatus(ctx, invoice);
  if (status !== 'pending' && status !== 'overdue') return `Invoice is ${status}`;
  const va = invoice.virtualAccounts[0] ?? { bank: 'bca_va', number: ctx.ids.digits('00000', 15) };
  const bank = va.bank.replace(/_va$/, '');
  const transactionId = ctx.ids.uuid();
  const orderId = ctx.state.byOrderId.has(invoice.orderId)
    ? `${invoice.orderId}-${ctx.ids.next()}`
    : invoice.orderId;
  const build = METHOD_BUILDERS.get('bank_transfer')?.(
    {
      request: { bank_transfer: { bank, va_number: va.number } },
      transactionId,
      orderId,
      grossAmount: invoice.grossAmount,
      baseUrl: ctx.baseUrl,
      ids: ctx.ids,
      nowMs: ctx.clock.nowMs(),
    },
    [],
  );
  if (!build) return `Bank ${bank} is not supported`;
  const txn = createTransaction(ctx, {
    transactionId,
    orderId,
    grossAmount: invoice.grossAmount,
    paymentType: 'bank_transfer',
    spec: build.spec,
    fields: build.fields,
    chargeFields: {},
    extras: { metadata: { midtrans_invoice_id: invoice.id } },
    notify: { override: undefined, append: [] },
    status: 'pending',
    fraudStatus: 'accept',
    expiryAt: undefined,
    invoiceId: invoice.id,
  });
  transition(ctx, txn, 'settlement');
  invoice.baseStatus = 'paid';
  invoice.transactionId = txn.transactionId;
  return txn;
}
