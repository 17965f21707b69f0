/** Notifications: every webhook delivery, filtered by verdict, with replay of one or of a filtered set. */

import {
  NOTIFICATION_VERDICTS,
  VERDICT_OUTCOME,
} from '../../services/notifications/notification-verdicts.js';
import type { NotificationOutcome } from '../../storage/records/notification.js';
import { link, type PageContext, type PageResult } from '../context.js';
import { actionForm, select } from '../forms.js';
import { html } from '../html.js';
import { notificationSection } from './payment-sections.js';
import { pager } from './payments.js';

// Filters speak the engine's verdicts (what `reprocess` takes); rows store outcomes.
const VERDICTS: readonly string[] = [...NOTIFICATION_VERDICTS, 'received'];

function outcomeOf(verdict: string | undefined): NotificationOutcome | undefined {
  if (verdict === undefined || !VERDICTS.includes(verdict)) return undefined;
  return verdict === 'received' ? 'received' : VERDICT_OUTCOME[verdict as keyof typeof VERDICT_OUTCOME];
}

/** The notifications list. */
export async function notificationsPage(ctx: PageContext): Promise<PageResult> {
  const verdict = ctx.query('verdict');
  const orderId = ctx.query('orderId');
  const outcome = outcomeOf(verdict);
  const cursor = ctx.query('cursor');
  const page = await ctx.kit.store.notifications.list({
    limit: ctx.pageSize,
    ...(outcome === undefined ? {} : { outcome }),
    ...(orderId === undefined ? {} : { orderId }),
    ...(cursor === undefined ? {} : { cursor }),
  });
  const next = page.nextCursor
    ? link(ctx.base, '/notifications', { verdict, orderId, cursor: page.nextCursor })
    : undefined;
  const filters = html`<form method="get" action="${ctx.base}/notifications" class="filters">
${select('verdict', 'Verdict', VERDICTS, outcome === undefined ? undefined : verdict)}
<label>Order id<input name="orderId" value="${orderId ?? ''}"></label>
<button type="submit">Filter</button> <a href="${ctx.base}/notifications">Clear</a>
</form>`;
  const replayAll = actionForm(ctx, {
    action: 'dashboard.replay',
    path: '/notifications/replay',
    label: outcome === undefined ? 'Replay every original delivery' : `Replay every "${verdict}" delivery`,
    confirm: 'Replay them all (replays are recorded as new deliveries)',
    fields: html`<input type="hidden" name="verdict" value="${outcome === undefined ? '' : (verdict ?? '')}">`,
  });
  return {
    title: 'Notifications',
    body: html`${filters}${replayAll}<h2>${page.items.length} shown</h2>${notificationSection(ctx, page.items)}${pager(ctx, next)}`,
  };
}
