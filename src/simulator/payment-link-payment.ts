/**
 * Paying through a payment link: each payment is a new transaction for the link's amount whose
 * order id is the link's followed by `-<unix seconds>-<unix ms>` (as Midtrans's documented
 * purchases show), settled at once through a BCA virtual account, so its signed notifications go
 * out as for any other payment. A deleted, expired or used-up link refuses.
 */
import type { SimContext } from './context.js';
import { createTransaction } from './create-transaction.js';
import { transition } from './engine.js';
import { paymentLinkStatus } from './payment-links.js';
import { METHOD_BUILDERS } from './payment-types.js';
import type { SimPaymentLink } from './records.js';
import type { SimTransaction } from './transaction.js';

/** The order id of the next payment through `link`. */
function purchaseOrderId(ctx: SimContext, link: SimPaymentLink): string {
  const now = ctx.clock.nowMs();
  const base = `${link.orderId}-${Math.floor(now / 1000)}-${now}`;
  return ctx.state.byOrderId.has(base) ? `${base}${ctx.ids.next()}` : base;
}

/** Pay through a link. Returns the settled transaction, or why the link takes no payment. */
export function payPaymentLink(ctx: SimContext, link: SimPaymentLink): SimTransaction | string {
  const status = paymentLinkStatus(ctx, link);
  if (status !== 'active') return `Payment link is ${status.replace('_', ' ')}`;
  const transactionId = ctx.ids.uuid();
  const orderId = purchaseOrderId(ctx, link);
  const build = METHOD_BUILDERS.get('bank_transfer')?.(
    {
      request: { bank_transfer: { bank: 'bca' } },
      transactionId,
      orderId,
      grossAmount: link.grossAmount,
      baseUrl: ctx.baseUrl,
      ids: ctx.ids,
      nowMs: ctx.clock.nowMs(),
    },
    [],
  );
  if (!build) return 'Bank transfer is not available';
  const txn = createTransaction(ctx, {
    transactionId,
    orderId,
    grossAmount: link.grossAmount,
    paymentType: 'bank_transfer',
    spec: build.spec,
    fields: build.fields,
    chargeFields: {},
    extras: {},
    notify: { override: undefined, append: [] },
    status: 'pending',
    fraudStatus: 'accept',
    expiryAt: undefined,
  });
  link.usage += 1;
  link.purchases.push(orderId);
  transition(ctx, txn, 'settlement');
  return txn;
}
