/**
 * Charging a linked GoPay account: the caller names the account (`paymentOptions.accountId`), the
 * kit supplies its stored payment-option token. Only the account's owner may charge it; any other
 * caller, an account the kit does not know, and an account that is not enabled all get the same
 * refusal, so account ids cannot be probed.
 */

import type { ChargeRequest, GopayOptions } from '../../domain/types.js';
import { type FieldIssue, ValidationError } from '../../errors.js';
import type { GopayAccount } from '../../storage/records/gopay-account.js';
import type { ServiceContext } from '../core/context.js';
import type { KitUser } from '../core/hooks.js';
import { applyAccountAnswer } from './gopay-account-sync.js';

const NOT_YOURS = 'is not an enabled GoPay account linked by this user';

/**
 * The token of `accountId` when `user` owns it and it is enabled. @throws ValidationError naming
 * `field` otherwise.
 */
export async function linkedGopayToken(
  ctx: ServiceContext,
  user: KitUser | undefined,
  accountId: string,
  field: string,
): Promise<string> {
  const found = await ctx.store.gopayAccounts.findByAccountId(accountId);
  const owned = found !== undefined && user !== undefined && found.userId === String(user.id);
  // The owner who just activated the link may pay before Midtrans's notification arrives: ask.
  const account = owned && found.status === 'pending' ? await refreshPending(ctx, found) : found;
  const token = owned && account?.status === 'enabled' ? account.paymentOptionToken : null;
  if (token === null) throw new ValidationError([{ field, reason: NOT_YOURS }]);
  return token;
}

/**
 * A GoPay charge's options with the linked account's token filled in; other charges unchanged.
 * A token sent by the caller is refused: it is the kit's to supply.
 */
export async function withLinkedGopayToken<R extends ChargeRequest>(
  ctx: ServiceContext,
  request: R,
  user: KitUser | undefined,
): Promise<R> {
  if (request.paymentType !== 'gopay') return request;
  const options: GopayOptions | undefined = request.paymentOptions;
  if (options?.paymentOptionToken !== undefined) {
    const issue: FieldIssue = {
      field: 'paymentOptions.paymentOptionToken',
      reason: 'is not accepted: name the linked account with paymentOptions.accountId',
    };
    throw new ValidationError([issue]);
  }
  if (options?.accountId === undefined) return request;
  const token = await linkedGopayToken(ctx, user, options.accountId, 'paymentOptions.accountId');
  return { ...request, paymentOptions: { ...options, paymentOptionToken: token } };
}

async function refreshPending(ctx: ServiceContext, account: GopayAccount): Promise<GopayAccount | undefined> {
  const accountId = account.accountId ?? '';
  const response = await ctx.client.core.getPayAccount(accountId);
  return ctx.store.transaction(async (tx) => {
    const locked = await tx.gopayAccounts.lockByAccountId(accountId);
    return locked === undefined ? undefined : applyAccountAnswer(ctx, tx, locked, response, 'api');
  });
}
