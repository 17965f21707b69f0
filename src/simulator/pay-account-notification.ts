/** The Pay Account notification Midtrans sends when a GoPay account is linked or unlinked. */
import { createHash } from 'node:crypto';
import type { SimContext } from './context.js';
import type { PayAccount } from './records.js';

/**
 * Queue the Pay Account notification: `{ account_id, merchant_id, payment_type, signature_key,
 * status_code, account_status, status_message }` with 200/ENABLED or 204/DISABLED. Midtrans does
 * not document what its `signature_key` covers; the simulator's is SHA-512 of account_id +
 * status_code + server key, and the kit does not rely on it (it confirms with Get Pay Account).
 */
export function notifyPayAccount(ctx: SimContext, account: PayAccount): void {
  const url = ctx.options.payAccountNotificationUrl ?? ctx.options.notificationUrl;
  if (url === undefined) return;
  const enabled = account.status === 'ENABLED';
  const statusCode = enabled ? '200' : '204';
  const signature = createHash('sha512')
    .update(`${account.accountId}${statusCode}${ctx.options.serverKey}`)
    .digest('hex');
  ctx.notifier.send({
    kind: 'pay_account',
    orderId: account.accountId,
    urls: [url],
    payload: {
      account_id: account.accountId,
      merchant_id: ctx.options.merchantId,
      payment_type: 'gopay',
      signature_key: signature,
      status_code: statusCode,
      account_status: account.status,
      status_message: enabled ? 'Account is linked' : 'Account is unlinked',
    },
  });
}
