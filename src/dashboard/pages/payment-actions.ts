/** The action forms of a payment: check status always, the rest as its status allows. */
import type { PaymentOperation } from '../../constants.js';
import { chargedAmount } from '../../domain/money.js';
import { seg } from '../../http/match.js';
import type { Payment } from '../../storage/records/payment.js';
import type { PageContext } from '../context.js';
import { formatIdr } from '../format.js';
import { actionForm, input } from '../forms.js';
import { html, type SafeHtml } from '../html.js';

/**
 * The refund form's key: one per refund the page offers. It names the payment and how many refunds
 * it had when the page was drawn, so every copy of this page (a double click, the back button, a
 * second tab) submits the same key and refunds once; after a refund the page is drawn with the next.
 */
export function dashboardRefundKey(p: Payment, refundsSoFar: number): string {
  return `${p.id}-d${refundsSoFar + 1}`;
}

/** The forms the user may use on this payment (`refundsSoFar`: its refund rows, any state). */
export function paymentActions(
  ctx: PageContext,
  p: Payment,
  ops: readonly PaymentOperation[],
  refundsSoFar: number,
): SafeHtml {
  const path = (op: string) => `/payments/${seg(p.orderId)}/${op}`;
  const left = chargedAmount(p) - p.refundedAmount;
  const forms: SafeHtml[] = [
    actionForm(ctx, {
      action: 'dashboard.check_status',
      path: path('check-status'),
      label: 'Check status now',
    }),
  ];
  if (ops.includes('refund')) {
    const fields = html`${input('amount', `Amount (up to ${formatIdr(left)})`, { required: true, placeholder: String(left) })}
${input('reason', 'Reason')}
<input type="hidden" name="refundKey" value="${dashboardRefundKey(p, refundsSoFar)}">
<label class="check"><input type="checkbox" name="direct" value="yes"> Direct refund</label>`;
    forms.push(
      actionForm(ctx, {
        action: 'dashboard.refund',
        path: path('refund'),
        label: 'Refund',
        confirm: 'Refund this payment',
        fields,
        danger: true,
      }),
    );
  }
  if (ops.includes('capture')) {
    const fields = input('amount', `Amount (default ${formatIdr(p.grossAmount)})`);
    forms.push(
      actionForm(ctx, {
        action: 'dashboard.capture',
        path: path('capture'),
        label: 'Capture',
        confirm: 'Capture this payment',
        fields,
      }),
    );
  }
  if (ops.includes('approve'))
    forms.push(
      actionForm(ctx, {
        action: 'dashboard.approve',
        path: path('approve'),
        label: 'Approve',
        confirm: 'Approve this challenged payment',
      }),
    );
  if (ops.includes('deny'))
    forms.push(
      actionForm(ctx, {
        action: 'dashboard.deny',
        path: path('deny'),
        label: 'Deny',
        confirm: 'Deny this challenged payment',
        danger: true,
      }),
    );
  if (ops.includes('expire'))
    forms.push(
      actionForm(ctx, {
        action: 'dashboard.expire',
        path: path('expire'),
        label: 'Expire',
        confirm: 'Expire this payment',
        danger: true,
      }),
    );
  if (ops.includes('cancel'))
    forms.push(
      actionForm(ctx, {
        action: 'dashboard.cancel',
        path: path('cancel'),
        label: 'Cancel payment',
        confirm: 'Cancel this payment',
        danger: true,
      }),
    );
  return html`<div class="actions">${forms}</div>`;
}
