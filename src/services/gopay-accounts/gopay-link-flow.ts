/**
 * Linking a GoPay account (GoPay tokenization):
 * 1. validate (nothing is sent or written for bad input) and refuse an owner already linked;
 * 2. `POST /v2/pay/account` (outside any transaction). A refusal (`status_code` 202, e.g. "User
 *    Not Found") is the caller's input and writes nothing;
 * 3. write the owner's row (one per owner, reused by a new link) with the row locked: `pending`
 *    with Midtrans's activation link, no token yet.
 * The customer then opens the activation link; Midtrans's account notification (or `refresh`)
 * makes the account `enabled` and stores its payment-option token.
 */
import { ConflictError, ValidationError } from '../../errors.js';
import type { GopayAccount } from '../../storage/records/gopay-account.js';
import type { StoreTransaction } from '../../storage/store.js';
import type { WirePayAccountResponse } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { ownerIssues } from '../core/input-schema.js';
import { gopayLinkCheck, type LinkGopayAccountOptions } from './gopay-account-schema.js';
import { accountStatusOf, applyAccountAnswer } from './gopay-account-sync.js';

/** What `link` returns. */
export interface GopayLinkResult {
  /** The stored account (pending until the customer activates the link). */
  gopayAccount: GopayAccount;
  /** Where to send the customer to activate the link (Midtrans's `activation-link-url`). */
  activationUrl: string | null;
  /** The app link (`activation-link-app`), for customers on a phone. */
  activationAppUrl: string | null;
}

const ALREADY_LINKED = 'This user already has a linked GoPay account; unlink it first';

/** Run `link`. */
export async function runLink(ctx: ServiceContext, input: LinkGopayAccountOptions): Promise<GopayLinkResult> {
  gopayLinkCheck.assert(input, ownerIssues(input.owner));
  const userId = String(input.owner.id);
  const existing = await ctx.store.gopayAccounts.findByUserId(userId);
  if (existing?.status === 'enabled') throw new ConflictError(ALREADY_LINKED);
  const response = await ctx.client.core.createPayAccount({
    payment_type: 'gopay',
    gopay_partner: {
      phone_number: input.phoneNumber,
      country_code: input.countryCode,
      ...(input.redirectUrl === undefined ? {} : { redirect_url: input.redirectUrl }),
    },
  });
  const accountId = response.account_id;
  if (response.status_code !== '201' || typeof accountId !== 'string' || accountId === '') {
    // Midtrans names the reason (105 User Not Found, 106 User Blocked): the phone number's problem.
    const reason = response.channel_response_message ?? `status ${response.status_code}`;
    throw new ValidationError([{ field: 'phoneNumber', reason: `was refused by GoPay: ${reason}` }]);
  }
  const activationUrl = actionUrl(response, 'activation-link-url');
  const gopayAccount = await ctx.store.transaction((tx) =>
    writeLink(ctx, tx, { userId, exists: existing !== undefined, accountId, activationUrl }, response),
  );
  return { gopayAccount, activationUrl, activationAppUrl: actionUrl(response, 'activation-link-app') };
}

async function writeLink(
  ctx: ServiceContext,
  tx: StoreTransaction,
  link: { userId: string; exists: boolean; accountId: string; activationUrl: string | null },
  response: WirePayAccountResponse,
): Promise<GopayAccount> {
  const { userId, accountId, activationUrl } = link;
  const fresh = {
    accountId,
    status: accountStatusOf(response.account_status) ?? 'pending',
    accountStatus: response.account_status ?? null,
    activationUrl,
    paymentOptionToken: null,
    paymentOptionName: null,
    linkedAt: null,
    unlinkedAt: null,
  } as const;
  // A missing row is inserted, not lock-read: a locking read of a missing key locks the index gap
  // on MySQL/MariaDB. Two first links of one owner at once meet at the unique key (ConflictError).
  const locked = link.exists ? await tx.gopayAccounts.lockByUserId(userId) : undefined;
  let row: GopayAccount;
  if (locked === undefined) {
    row = await tx.gopayAccounts.insert({ userId, ...fresh, status: 'pending' });
  } else {
    // Linked meanwhile by a parallel request: keep that link (the new pending one lapses at Midtrans).
    if (locked.status === 'enabled') throw new ConflictError(ALREADY_LINKED);
    row = await tx.gopayAccounts.update(locked.id, { ...fresh, status: 'pending' });
  }
  // Midtrans answers a create with PENDING; anything else goes through the one state change.
  return fresh.status === 'pending' ? row : applyAccountAnswer(ctx, tx, row, response, 'api');
}

function actionUrl(response: WirePayAccountResponse, name: string): string | null {
  return response.actions?.find((action) => action.name === name)?.url ?? null;
}
