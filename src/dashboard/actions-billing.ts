/** The actions on invoices, subscriptions and notifications (see actions.ts for the contract). */
import { ValidationError } from '../errors.js';
import { seg } from '../http/match.js';
import type { ReplayableVerdict } from '../services/notifications/notification-replay.js';
import { NOTIFICATION_VERDICTS } from '../services/notifications/notification-verdicts.js';
import type { ActionRoute } from './action-route.js';

const REPLAYABLE: readonly string[] = [...NOTIFICATION_VERDICTS, 'received'];

function subscriptionOp(op: 'enable' | 'disable' | 'cancel'): ActionRoute {
  return {
    pattern: `/subscriptions/:id/${op}`,
    action: `dashboard.${op}_subscription`,
    confirm: true,
    fallback: (p) => `/subscriptions/${seg(p.id ?? '')}`,
    async run(ctx) {
      const id = ctx.params.id ?? '';
      const services = ctx.kit.subscriptions;
      const result =
        op === 'enable'
          ? await services.enableSubscription(id)
          : op === 'disable'
            ? await services.disableSubscription(id)
            : await services.cancelSubscription(id);
      return `Subscription ${op}d: it is now ${result.subscription.status}.`;
    },
  };
}

/** Void, enable/disable/cancel, replay one or a filtered set. */
export function billingActionRoutes(): ActionRoute[] {
  return [
    {
      pattern: '/invoices/:id/void',
      action: 'dashboard.void_invoice',
      confirm: true,
      fallback: (p) => `/invoices/${seg(p.id ?? '')}`,
      async run(ctx) {
        const reason = ctx.form.get('reason')?.trim() || undefined;
        const { invoice } = await ctx.kit.invoices.voidInvoice(ctx.params.id ?? '', reason ? { reason } : {});
        return `Invoice ${invoice.invoiceNumber} voided.`;
      },
    },
    {
      pattern: '/payment-links/:id/delete',
      action: 'dashboard.delete_payment_link',
      confirm: true,
      fallback: (p) => `/payment-links/${seg(p.id ?? '')}`,
      async run(ctx) {
        const link = await ctx.kit.paymentLinks.delete(ctx.params.id ?? '');
        return `Payment link ${link.orderId} deleted.`;
      },
    },
    subscriptionOp('enable'),
    subscriptionOp('disable'),
    subscriptionOp('cancel'),
    {
      pattern: '/notifications/:id/replay',
      action: 'dashboard.replay',
      confirm: true,
      fallback: () => '/notifications',
      async run(ctx) {
        const [result] = await ctx.kit.notifications.reprocess(ctx.params.id ?? '');
        return `Replayed: the verdict is ${result?.verdict ?? 'none'}.`;
      },
    },
    {
      pattern: '/notifications/replay',
      action: 'dashboard.replay',
      confirm: true,
      fallback: () => '/notifications',
      async run(ctx) {
        const verdict = ctx.form.get('verdict') || undefined;
        if (verdict !== undefined && !REPLAYABLE.includes(verdict)) {
          throw new ValidationError({ field: 'verdict', reason: 'is not a verdict' });
        }
        const results = await ctx.kit.notifications.reprocess(
          verdict === undefined ? {} : { verdict: verdict as ReplayableVerdict },
        );
        return `Replayed ${results.length} notification${results.length === 1 ? '' : 's'}${summary(results.map((r) => r.verdict))}.`;
      },
    },
  ];
}

function summary(verdicts: readonly string[]): string {
  if (verdicts.length === 0) return '';
  const counts = new Map<string, number>();
  for (const verdict of verdicts) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  return `: ${[...counts].map(([verdict, n]) => `${n} ${verdict}`).join(', ')}`;
}
