/**
 * The overview: what staff look at first — today's paid payments (created today, in the
 * dashboard's time zone), how many wait for the customer, webhooks that went wrong, and payments
 * whose outcome is unknown (a timeout the reconciler has not settled yet).
 */
import { PaymentStatus } from '../../constants.js';
import { chargedAmount } from '../../domain/money.js';
import { isPaid } from '../../domain/transitions.js';
import type { NotificationOutcome } from '../../storage/records/notification.js';
import type { PaymentListQuery } from '../../storage/records/payment.js';
import { link, type PageContext, type PageResult } from '../context.js';
import { formatIdr } from '../format.js';
import { html } from '../html.js';
import { dayOf, startOfDay } from '../time.js';
import { paymentTable } from './payments.js';

// Counting pages through the keyset lists keeps the store's interface small; past this many rows
// the overview says "at least".
const CAP = 5000;
const PAID: readonly PaymentStatus[] = Object.values(PaymentStatus).filter(isPaid);
const BAD_WEBHOOKS: readonly [NotificationOutcome, string][] = [
  ['failed', 'error'],
  ['rejected_signature', 'rejected_signature'],
  ['rejected_amount_mismatch', 'amount_mismatch'],
  ['unknown_order', 'unknown_order'],
  ['malformed', 'malformed'],
];

/** The overview page. */
export async function overviewPage(ctx: PageContext): Promise<PageResult> {
  const today = dayOf(new Date(), ctx.timeZone);
  const start = startOfDay(today, ctx.timeZone, 'today');
  const paid = await sumPayments(ctx, { status: PAID, createdFrom: start });
  const pending = await sumPayments(ctx, { status: 'pending' });
  const webhooks = await Promise.all(BAD_WEBHOOKS.map(async ([outcome]) => countNotifications(ctx, outcome)));
  const unknown = await ctx.kit.store.payments.list({ status: 'unknown', limit: ctx.pageSize });
  const plus = (capped: boolean) => (capped ? '+' : '');
  const failedRows = BAD_WEBHOOKS.map(
    ([, verdict], i) =>
      html`<tr><td><a href="${link(ctx.base, '/notifications', { verdict })}">${verdict}</a></td><td class="num">${webhooks[i]?.count ?? 0}${plus(webhooks[i]?.capped ?? false)}</td></tr>`,
  );
  const body = html`<div class="cards">
<div class="card" data-card="paid-today"><div class="muted">Paid today (${today})</div><div class="value">${formatIdr(paid.amount)}</div><div>${paid.count}${plus(paid.capped)} ${paid.count === 1 && !paid.capped ? 'payment' : 'payments'}</div></div>
<div class="card" data-card="pending"><div class="muted">Pending</div><div class="value">${pending.count}${plus(pending.capped)}</div><div>${formatIdr(pending.amount)} awaiting the customer</div></div>
<div class="card" data-card="failed-webhooks"><div class="muted">Webhooks that failed</div><div class="value">${webhooks[0]?.count ?? 0}${plus(webhooks[0]?.capped ?? false)}</div><div><a href="${link(ctx.base, '/notifications', { verdict: 'error' })}">See them</a></div></div>
<div class="card" data-card="unknown"><div class="muted">Stuck "unknown"</div><div class="value">${unknown.items.length}${plus(unknown.nextCursor !== null)}</div><div><a href="${link(ctx.base, '/payments', { status: 'unknown' })}">See them</a></div></div>
</div>
<h2>Webhooks that went wrong</h2><table><thead><tr><th>Verdict</th><th class="num">Deliveries</th></tr></thead><tbody>${failedRows}</tbody></table>
<h2>Payments with an unknown outcome</h2>${paymentTable(ctx, unknown.items)}`;
  return { title: 'Overview', body };
}

async function sumPayments(ctx: PageContext, filter: PaymentListQuery) {
  let count = 0;
  let amount = 0;
  let cursor: string | null = null;
  do {
    const page = await ctx.kit.store.payments.list({ ...filter, limit: 1000, ...(cursor ? { cursor } : {}) });
    count += page.items.length;
    for (const p of page.items) amount += chargedAmount(p) - p.refundedAmount;
    cursor = page.nextCursor;
  } while (cursor !== null && count < CAP);
  return { count, amount, capped: cursor !== null };
}

async function countNotifications(ctx: PageContext, outcome: NotificationOutcome) {
  const page = await ctx.kit.store.notifications.list({ outcome, limit: 1000 });
  return { count: page.items.length, capped: page.nextCursor !== null };
}
