/**
 * The one place a stored GoPay account's state changes after a link is made: Midtrans's answer
 * (a Get Pay Account or an unbind) is applied to the locked row, and the change is announced with
 * `gopay_account.linked` / `gopay_account.unlinked` in the same transaction.
 */
import type {
  GopayAccount,
  GopayAccountPatch,
  GopayAccountStatus,
} from '../../storage/records/gopay-account.js';
import type { StoreTransaction } from '../../storage/store.js';
import type { WirePayAccountResponse } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import type { RecordEventSource } from '../events/event-types.js';

const STATUS: Readonly<Record<string, GopayAccountStatus>> = {
  PENDING: 'pending',
  ENABLED: 'enabled',
  DISABLED: 'disabled',
  EXPIRED: 'expired',
};

/** The kit's status for Midtrans's `account_status`, or undefined when it sent none we know. */
export function accountStatusOf(accountStatus: unknown): GopayAccountStatus | undefined {
  return typeof accountStatus === 'string' ? STATUS[accountStatus] : undefined;
}

/** The option the kit charges with: the active GoPay wallet, else the first active option. */
export function chargeableOption(wire: WirePayAccountResponse): { name: string; token: string } | undefined {
  const options = (wire.metadata?.payment_options ?? []).filter(
    (option) => option.active && typeof option.token === 'string' && option.token !== '',
  );
  return options.find((option) => option.name === 'GOPAY_WALLET') ?? options[0];
}

/**
 * Apply Midtrans's account answer to `locked` (a row locked in `tx`). An account that is not
 * enabled keeps no token, so nothing can be charged with it after an unlink.
 */
export async function applyAccountAnswer(
  ctx: ServiceContext,
  tx: StoreTransaction,
  locked: GopayAccount,
  wire: WirePayAccountResponse,
  source: RecordEventSource,
): Promise<GopayAccount> {
  const to = accountStatusOf(wire.account_status) ?? locked.status;
  const option = to === 'enabled' ? chargeableOption(wire) : undefined;
  const patch: GopayAccountPatch = {
    status: to,
    accountStatus: typeof wire.account_status === 'string' ? wire.account_status : locked.accountStatus,
    paymentOptionToken: option?.token ?? null,
    paymentOptionName: option?.name ?? null,
  };
  const from = locked.status;
  if (to === 'enabled' && from !== 'enabled') Object.assign(patch, { linkedAt: ctx.now(), unlinkedAt: null });
  if (to !== 'enabled' && from === 'enabled') patch.unlinkedAt = ctx.now();
  if (to !== 'pending') patch.activationUrl = null;
  if (unchanged(locked, patch)) return locked;
  const updated = await tx.gopayAccounts.update(locked.id, patch);
  const type =
    to === 'enabled' && from !== 'enabled'
      ? 'gopay_account.linked'
      : from === 'enabled' && to !== 'enabled'
        ? 'gopay_account.unlinked'
        : undefined;
  if (type !== undefined) {
    await ctx.events.enqueue(
      tx,
      type,
      { gopayAccount: updated, from, source },
      { idempotencyKey: `${updated.id}:${type}:${updated.version}` },
    );
  }
  return updated;
}

function unchanged(record: GopayAccount, patch: GopayAccountPatch): boolean {
  return Object.entries(patch).every(([field, value]) => {
    const current = Reflect.get(record, field);
    return current instanceof Date || value instanceof Date ? false : current === value;
  });
}
