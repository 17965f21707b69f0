/**
 * Every dashboard action. Each one calls the kit's services — never the store or Midtrans
 * directly — so hooks, events and the services' rules apply exactly as for the API, and returns
 * the sentence shown to staff. Errors are turned into messages by the handler.
 */
import { billingActionRoutes } from './actions-billing.js';
import type { PageContext } from './context.js';
import { formatIdr } from './format.js';
import { readAmount } from './input.js';
import { seg } from './match.js';
import type { DashboardAction } from './types.js';

/** What an action gets: the page context and the submitted form. */
export interface ActionContext extends PageContext {
  /** The form fields. */
  readonly form: URLSearchParams;
}

/** One action route. */
export interface ActionRoute {
  /** POST path pattern, relative to the mount. */
  pattern: string;
  /** The permission it needs. */
  action: DashboardAction;
  /** Whether the confirmation box must be ticked. */
  confirm: boolean;
  /** Where to return when the form names no page. */
  fallback(params: Readonly<Record<string, string>>): string;
  /** Do it; resolves the success message. */
  run(ctx: ActionContext): Promise<string>;
}

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
      const { payment, refund } = await ctx.kit.payments.refundPayment(id, {
        amount,
        ...(reason === undefined ? {} : { reason }),
        ...(direct ? { direct } : {}),
      });
      return `Refund of ${formatIdr(refund.amount)} ${refund.status}: the payment is now ${payment.status}.`;
    }),
    ...billingActionRoutes(),
  ];
}
