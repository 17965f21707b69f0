/**
 * GoPay account linking (`/v2/pay/account…`, docs/midtrans-wire.md §10). An account is PENDING
 * until the customer presses "Link" on its activation page (pages/gopay-link-page.ts), then
 * ENABLED with a GOPAY_WALLET token; unbinding makes it DISABLED. Both changes send the Pay
 * Account notification Midtrans documents.
 */
import type { JsonObject } from '../wire-types.js';
import type { SimContext } from './context.js';
import { isObject, objectAt, stringAt } from './json.js';
import { notifyPayAccount } from './pay-account-notification.js';
import type { PayAccount } from './records.js';
import type { SimRequest, SimResponse } from './router.js';
import { coreError, coreValidation } from './wire-errors.js';

/** `POST /v2/pay/account`. */
export function handleCreatePayAccount(ctx: SimContext, req: SimRequest): SimResponse {
  const body = isObject(req.body) ? req.body : {};
  const partner = objectAt(body, 'gopay_partner');
  const phone = stringAt(partner, 'phone_number');
  if (stringAt(body, 'payment_type') !== 'gopay' || !phone || !stringAt(partner, 'country_code')) {
    return coreValidation(['payment_type gopay and gopay_partner.phone_number, country_code are required']);
  }
  if (phone === '123450001' || phone === '123450002') {
    const blocked = phone === '123450002';
    return {
      status: 200,
      body: {
        status_code: '202',
        payment_type: 'gopay',
        channel_response_code: blocked ? '106' : '105',
        channel_response_message: blocked ? 'User Blocked' : 'User Not Found',
      },
    };
  }
  const accountId = ctx.ids.uuid();
  const account: PayAccount = {
    accountId,
    status: 'PENDING',
    token: Buffer.from(JSON.stringify({ type: 'GOPAY_WALLET', id: accountId })).toString('base64'),
    redirectUrl: stringAt(partner, 'redirect_url'),
    balance: INITIAL_BALANCE,
  };
  ctx.state.payAccounts.set(accountId, account);
  return {
    status: 200,
    body: { ...accountBody(account, '201'), actions: activationActions(ctx, accountId) },
  };
}

/** Every new simulated wallet holds this much (Midtrans's samples show 1,000,000.00). */
export const INITIAL_BALANCE = 1_000_000;

function activationActions(ctx: SimContext, accountId: string): JsonObject[] {
  return [
    {
      name: 'activation-link-url',
      method: 'GET',
      url: `${ctx.baseUrl}/v2/gopay/redirect/gpar_${accountId}/link`,
    },
    {
      name: 'activation-link-app',
      method: 'GET',
      url: `${ctx.baseUrl}/v2/gopay/redirect/gpad_${accountId}/link`,
    },
  ];
}

function accountBody(account: PayAccount, code: string): JsonObject {
  return {
    status_code: code,
    payment_type: 'gopay',
    account_id: account.accountId,
    account_status: account.status,
  };
}

/** `GET /v2/pay/account/{id}`. */
export function handleGetPayAccount(ctx: SimContext, req: SimRequest): SimResponse {
  const account = ctx.state.payAccounts.get(req.params[0] ?? '');
  if (!account) return coreError('404', 'Account not found');
  const body = accountBody(account, '200');
  if (account.status === 'ENABLED') {
    body.metadata = {
      payment_options: [
        {
          name: 'GOPAY_WALLET',
          active: true,
          balance: { value: `${account.balance}.00`, currency: 'IDR' },
          metadata: {},
          token: account.token,
        },
      ],
    };
  }
  return { status: 200, body };
}

/** `POST /v2/pay/account/{id}/unbind`. */
export function handleUnbindPayAccount(ctx: SimContext, req: SimRequest): SimResponse {
  const account = ctx.state.payAccounts.get(req.params[0] ?? '');
  if (!account) return coreError('404', 'Account not found');
  if (account.status !== 'DISABLED') {
    account.status = 'DISABLED';
    notifyPayAccount(ctx, account);
  }
  return {
    status: 200,
    body: {
      ...accountBody(account, '204'),
      channel_response_code: '0',
      channel_response_message: 'Process service request successfully.',
    },
  };
}

/** The account an activation link (`gpar_…` web, `gpad_…` app) belongs to. */
export function payAccountOfLink(ctx: SimContext, linkId: string): PayAccount | undefined {
  return ctx.state.payAccounts.get(linkId.replace(/^gpa[rd]_/, ''));
}

/** The customer pressed "Link": a PENDING account becomes ENABLED and Midtrans notifies. */
export function activatePayAccount(ctx: SimContext, linkId: string): PayAccount | undefined {
  const account = payAccountOfLink(ctx, linkId);
  if (account && account.status === 'PENDING') {
    account.status = 'ENABLED';
    notifyPayAccount(ctx, account);
  }
  return account;
}

/** The enabled linked account a GoPay token belongs to (the token encodes the account id). */
export function accountOfToken(ctx: SimContext, token: string): PayAccount | undefined {
  let id: unknown;
  try {
    id = (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { id?: unknown }).id;
  } catch {
    return undefined;
  }
  const account = typeof id === 'string' ? ctx.state.payAccounts.get(id) : undefined;
  return account?.token === token && account.status === 'ENABLED' ? account : undefined;
}

/** Whether a GoPay token belongs to an enabled linked account. */
export function gopayTokenValid(ctx: SimContext, token: string): boolean {
  return accountOfToken(ctx, token) !== undefined;
}
