/**
 * Every dashboard action. Each one calls the kit's services — never the store or Midtrans
 * directly — so hooks, events and the services' rules apply exactly as for the API, and returns
 * the sentence shown to staff. Errors are turned into messages by the handler.
 */

import { ValidationError } from '../errors.js';
import { seg } from '../http/match.js';
import type { ActionContext, ActionRoute } from './action-route.js';
import { billingActionRoutes } from './actions-billing.js';
import { formatIdr } from './format.js';
import { readAmount } from './input.js';
import type { DashboardAction } from './types.js';

const paymentPage = (p: Readonly<Record<string, string>>) => `/payments/${seg(p.orderId ?? '')}`;

function paymentOp(
  op: string,
  action: DashboardAction,
  run: (ctx: ActionContext, orderId: string) => Promise<string>,
  confirm = true,
): ActionRoute {
  return {
    pattern: `/payments/:orderId/${op}`,
    action,
    confirm,
    fallback: paymentPage,
    run: (ctx) => run(ctx, ctx.params.orderId ?? ''),
  };
}

/** The action table. */
export function createActionRoutes(): ActionRoute[] {
  return [
    paymentOp(
      'check-status',
      'dashboard.check_status',
      async (ctx, orderId) => {
        const answer = await ctx.kit.payments.getStatus(orderId);
        const payment = await ctx.kit.payments.getPayment(orderId);
        return `Midtrans says "${answer.transaction_status ?? 'no status'}"; the payment is ${payment.status}.`;
      },
      false,
    ),
    paymentOp('cancel', 'dashboard.cancel', async (ctx, id) => {
      return `Cancelled: the payment is now ${(await ctx.kit.payments.cancelPayment(id)).payment.status}.`;
    }),
    paymentOp('expire', 'dashboard.expire', async (ctx, id) => {
      return `Expired: the payment is now ${(await ctx.kit.payments.expirePayment(id)).payment.status}.`;
    }),
    paymentOp('approve', 'dashboard.approve', async (ctx, id) => {
      return `Approved: the payment is now ${(await ctx.kit.payments.approvePayment(id)).payment.status}.`;
    }),
    paymentOp('deny', 'dashboard.deny', async (ctx, id) => {
      return `Denied: the payment is now ${(await ctx.kit.payments.denyPayment(id)).payment.status}.`;
    }),
    paymentOp('capture', 'dashboard.capture', async (ctx, id) => {
      const amount = readAmount(ctx.form, 'amount', false);
      const { payment } = await ctx.kit.payments.capturePayment(id, amount === undefined ? {} : { amount });
      return `Captured${amount === undefined ? '' : ` ${formatIdr(amount)}`}: the payment is now ${payment.status}.`;
    }),
    paymentOp('refund', 'dashboard.refund', async (ctx, id) => {
      const amount = readAmount(ctx.form, 'amount', true) ?? 0;
      const reason = ctx.form.get('reason')?.trim() || undefined;
      const direct = ctx.form.get('direct') === 'yes';
      const refundKey = ctx.form.get('refundKey') ?? '';
      if (refundKey === '') {
        throw new ValidationError({
          field: 'refundKey',
          reason: 'is missing: reload the page and try again',
        });
      }
      const { payment, refund } = await ctx.kit.payments.refundPayment(id, {
        amount,
        refundKey,
        ...(reason === undefined ? {} : { reason }),
        ...(direct ? { direct } : {}),
      });
      return `Refund of ${formatIdr(refund.amount)} ${refund.status}: the payment is now ${payment.status}.`;
    }),
    ...billingActionRoutes(),
  ];
}
