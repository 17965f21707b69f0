/**
 * (g) GoPay account invariants, checked after every history: a charge made with a linked account
 * belongs to that account's owner; no charge succeeds with an account after its owner unlinked it;
 * the money is exact — the paid charges of each account sum to what the kit answered as paid, and,
 * for an account still enabled at Midtrans, to what left its wallet.
 */
import { INITIAL_BALANCE } from '../../src/simulator/pay-account.js';
import type { Payment } from '../../src/storage/records/payment.js';
import type { Model } from './model.js';
import { gopayModel } from './ops-gopay-accounts.js';
import type { World } from './world.js';

const CHARGED = new Set(['paid', 'partially_refunded', 'refunded']);

function linkedAccountOf(payment: Payment): string | undefined {
  const gopay = payment.chargeRequest?.gopay;
  if (gopay === null || typeof gopay !== 'object' || Array.isArray(gopay)) return undefined;
  return typeof gopay.account_id === 'string' ? gopay.account_id : undefined;
}

/** Check (g) against the kit's payments and accounts and the simulator's wallets. */
export async function checkGopayInvariants(
  world: World,
  model: Model,
  payments: Payment[],
): Promise<string[]> {
  const found: string[] = [];
  const { accounts, charged } = gopayModel(model);
  const paidBy = new Map<string, number>();
  for (const payment of payments) {
    const accountId = linkedAccountOf(payment);
    if (accountId === undefined) continue;
    const account = accounts.get(accountId);
    if (account === undefined || payment.userId !== account.owner) {
      found.push(
        `(g) payment ${payment.orderId} of ${payment.userId} was charged with account ${accountId} of ${account?.owner ?? 'nobody known'}`,
      );
    }
    if (!CHARGED.has(payment.status)) continue;
    paidBy.set(accountId, (paidBy.get(accountId) ?? 0) + payment.grossAmount);
    const row = await world.kit.store.gopayAccounts.findByAccountId(accountId);
    if (row?.unlinkedAt && payment.createdAt.getTime() > row.unlinkedAt.getTime()) {
      found.push(
        `(g) payment ${payment.orderId} was charged with account ${accountId} after it was unlinked`,
      );
    }
  }
  for (const account of accounts.values()) {
    const stored = paidBy.get(account.accountId) ?? 0;
    const answered = charged.get(account.accountId) ?? 0;
    if (stored !== answered) {
      found.push(`(g) account ${account.accountId}: ${stored} stored as paid, ${answered} answered as paid`);
    }
    const remote = await world.kit.client.core.getPayAccount(account.accountId);
    const balance = remote.metadata?.payment_options?.find((o) => o.name === 'GOPAY_WALLET')?.balance?.value;
    if (balance !== undefined && Number.parseInt(balance, 10) !== INITIAL_BALANCE - stored) {
      found.push(`(g) account ${account.accountId}: wallet holds ${balance}, ${stored} was charged`);
    }
  }
  return found;
}
