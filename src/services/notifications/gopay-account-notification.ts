/**
 * Pay Account notifications: Midtrans tells the pay-account notification URL that a GoPay account
 * was linked (`status_code` 200, `account_status` ENABLED) or unlinked (204, DISABLED). Midtrans
 * documents a `signature_key` on them but not what it is computed from (the payment formula needs
 * an order id and an amount these bodies lack), so nothing in the body is taken on trust: the
 * account is confirmed with Get Pay Account, which also carries the payment-option token the
 * notification does not. An account the kit does not know changes nothing (logged, and answered 404
 * so that Midtrans retries a notification that overtook the link's commit).
 */
import type { Notification } from '../../storage/records/notification.js';
import type { ServiceContext } from '../core/context.js';
import { applyAccountAnswer } from '../gopay-accounts/gopay-account-sync.js';
import type { PayAccountNotification } from './notification-parse.js';
import { type AppliedDelivery, recordOutcome, reject } from './notification-record.js';

/** Decide a stored Pay Account delivery. Throws only for failures worth a retry by Midtrans. */
export async function applyPayAccount(
  ctx: ServiceContext,
  stored: Notification,
  body: PayAccountNotification,
): Promise<AppliedDelivery> {
  const accountId = body.account_id;
  const known = await ctx.store.gopayAccounts.findByAccountId(accountId);
  if (known === undefined) {
    ctx.logger.warn(
      { notificationId: stored.id, accountId },
      'midtrans-kit: pay account notification for an account the kit does not know; nothing changed',
    );
    return reject(ctx, stored, 'unknown_order', { error: `no GoPay account "${accountId}"` });
  }
  const truth = await ctx.client.core.getPayAccount(accountId);
  return ctx.store.transaction(async (tx) => {
    const locked = await tx.gopayAccounts.lockByAccountId(accountId);
    if (locked === undefined) {
      // Replaced by a new link between the read and the lock: this news is about a retired account.
      return { verdict: 'stale', notification: await recordOutcome(ctx, tx, stored, 'stale') };
    }
    const updated = await applyAccountAnswer(ctx, tx, locked, truth, 'notification');
    const verdict = updated === locked ? 'duplicate' : 'applied';
    return { verdict, notification: await recordOutcome(ctx, tx, stored, verdict) };
  });
}
