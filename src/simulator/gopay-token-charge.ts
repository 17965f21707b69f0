/**
 * A GoPay tokenization charge: `gopay: { account_id, payment_option_token }` from a linked
 * account. With a valid token of an ENABLED account the wallet is debited at once and the
 * transaction settles without a redirect (the simulator plays "payment without PIN"); a token that
 * is wrong, of another account, or of an account that is not enabled is refused with body 411, the
 * code Midtrans gives a missing, invalid or timed-out token. A wallet short of the amount denies
 * the charge (body 202, `deny`).
 */
import type { CommonCharge } from './charge-input.js';
import type { SimContext } from './context.js';
import { createTransaction } from './create-transaction.js';
import { notifyPayment } from './engine.js';
import type { MethodBuild } from './method-spec.js';
import { accountOfToken } from './pay-account.js';
import type { SimResponse } from './router.js';
import { chargeView } from './transaction-views.js';
import { coreError } from './wire-errors.js';

/** Charge a linked account; `build` is the GoPay method's (its spec and fields). */
export function chargeGopayToken(
  ctx: SimContext,
  input: {
    common: CommonCharge;
    accountId: string | undefined;
    token: string;
    transactionId: string;
    build: MethodBuild;
    notify: { override: string[] | undefined; append: string[] };
  },
): SimResponse {
  const account = accountOfToken(ctx, input.token);
  if (account === undefined || account.accountId !== input.accountId) {
    return coreError('411', 'Token id is missing, invalid, or timed out');
  }
  const amount = input.common.grossAmount;
  const paid = account.balance >= amount;
  if (paid) account.balance -= amount;
  const txn = createTransaction(ctx, {
    transactionId: input.transactionId,
    orderId: input.common.orderId,
    grossAmount: amount,
    paymentType: 'gopay',
    spec: input.build.spec,
    fields: {},
    chargeFields: {},
    extras: input.common.extras,
    notify: input.notify,
    status: paid ? 'settlement' : 'deny',
    fraudStatus: 'accept',
    expiryAt: undefined,
  });
  if (paid) txn.settlementTime = ctx.clock.nowMs();
  notifyPayment(ctx, txn);
  const message = paid ? 'Success, GoPay transaction is successful' : 'GoPay balance is insufficient';
  return { status: 200, body: chargeView(txn, ctx.options.merchantId, paid ? '200' : '202', message) };
}
