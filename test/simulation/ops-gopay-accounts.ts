/**
 * GoPay account linking in the simulation: customers link (and mostly activate on the simulated
 * GoPay page; the Pay Account notification reaches the kit through the inbox like any other),
 * charge with their linked account, try to charge someone else's (an attack: always 400, nothing
 * stored), unlink, and charge again after unlinking (always refused). The history's own record of
 * accounts lives here, beside the shared model, so other operation files stay untouched.
 */
import { type Model, newOrderId, type Step, someUser } from './model.js';
import type { SimUser } from './world.js';

/** One account the history linked (an owner's row may point at several over time). */
interface AccountModel {
  accountId: string;
  owner: string;
  activated: boolean;
  /** Set when the owner unlinked it through the kit: no charge may succeed from then on. */
  unlinked: boolean;
}

/** What the history knows about GoPay accounts. */
export interface GopayModel {
  /** Midtrans account id → the account. */
  readonly accounts: Map<string, AccountModel>;
  /** Account id → sum of the charges the kit answered as paid with it. */
  readonly charged: Map<string, number>;
}

const models = new WeakMap<Model, GopayModel>();

/** The GoPay part of a history's model. */
export function gopayModel(model: Model): GopayModel {
  let found = models.get(model);
  if (found === undefined) {
    found = { accounts: new Map(), charged: new Map() };
    models.set(model, found);
  }
  return found;
}

const customer = (step: Step): SimUser => someUser(step, false);

function accountsOf(step: Step, owner: string | undefined, otherThan?: string): AccountModel[] {
  return [...gopayModel(step.model).accounts.values()].filter(
    (a) => (owner === undefined || a.owner === owner) && (otherThan === undefined || a.owner !== otherThan),
  );
}

/** A customer links their GoPay account and, most of the time, activates it on the GoPay page. */
export async function gopayLink(step: Step): Promise<void> {
  const user = customer(step);
  const answer = await step.world.request(user, 'POST', '/gopay-accounts', {
    phoneNumber: `8121${step.rng.int(10_000_000, 99_999_999)}`,
    countryCode: '62',
  });
  if (answer.crashed || answer.status !== 201) return;
  const account = answer.body.gopayAccount as { id?: string; accountId?: string } | undefined;
  const url = answer.body.activationUrl;
  if (typeof account?.accountId !== 'string' || typeof url !== 'string') {
    step.world.violations.push(
      `(g) link by ${user.id} answered 201 without an account id or activation link`,
    );
    return;
  }
  const model: AccountModel = {
    accountId: account.accountId,
    owner: user.id,
    activated: false,
    unlinked: false,
  };
  gopayModel(step.model).accounts.set(model.accountId, model);
  if (step.rng.chance(0.8)) {
    await fetch(url, { method: 'POST', redirect: 'manual' });
    model.activated = true;
    // Back on the shop's page, half the time the shop asks Midtrans at once instead of waiting
    // for the notification (which the inbox still delivers later, in its own order).
    if (step.rng.chance(0.5)) {
      await step.world.request(user, 'GET', `/gopay-accounts/${String(account.id)}?refresh=true`);
    }
  }
}

/** An owner pays with one of their linked accounts (maybe one they have unlinked). */
export async function gopayCharge(step: Step): Promise<void> {
  const accounts = accountsOf(step, undefined);
  if (accounts.length === 0) return;
  const account = step.rng.pick(accounts);
  const user = step.model.users.find((u) => u.id === account.owner);
  if (user === undefined) return;
  const orderId = newOrderId(step.model);
  const grossAmount = step.rng.int(1, 10) * 5_000;
  step.model.orders.set(orderId, { orderId, owner: user.id, gross: grossAmount });
  const answer = await step.world.request(user, 'POST', '/payments', {
    orderId,
    paymentType: 'gopay',
    grossAmount,
    paymentOptions: { accountId: account.accountId },
  });
  if (answer.crashed || answer.status !== 201) return;
  if (account.unlinked) {
    step.world.violations.push(
      `(g) ${user.id} charged ${orderId} with account ${account.accountId} after unlinking it`,
    );
  }
  const payment = answer.body.payment as { status?: string } | undefined;
  if (payment?.status === 'paid') {
    const charged = gopayModel(step.model).charged;
    charged.set(account.accountId, (charged.get(account.accountId) ?? 0) + grossAmount);
  }
}

/** An attack: a customer charges, reads or unlinks another customer's linked account. */
export async function gopayAttack(step: Step): Promise<void> {
  const user = customer(step);
  const targets = accountsOf(step, undefined, user.id);
  if (targets.length === 0) return;
  const target = step.rng.pick(targets);
  if (step.rng.chance(0.6)) {
    const orderId = newOrderId(step.model);
    const answer = await step.world.request(user, 'POST', '/payments', {
      orderId,
      paymentType: 'gopay',
      grossAmount: 5_000,
      paymentOptions: { accountId: target.accountId },
    });
    if (!answer.crashed && answer.status !== 400) {
      step.world.violations.push(
        `(g) ${user.id} charging ${target.owner}'s account answered ${answer.status}`,
      );
    }
    if ((await step.world.kit.store.payments.findByOrderId(orderId)) !== undefined) {
      step.world.violations.push(
        `(g) ${user.id}'s charge ${orderId} of ${target.owner}'s account was stored`,
      );
    }
    return;
  }
  const row = await step.world.kit.store.gopayAccounts.findByUserId(target.owner);
  if (row === undefined) return;
  const [method, suffix] = step.rng.pick([
    ['GET', ''],
    ['GET', '?refresh=true'],
    ['POST', '/unlink'],
  ] as const);
  const answer = await step.world.request(user, method, `/gopay-accounts/${row.id}${suffix}`);
  if (!answer.crashed && answer.status !== 404) {
    step.world.violations.push(
      `(a) ${user.id} ${method} ${target.owner}'s GoPay account answered ${answer.status}`,
    );
  }
  const after = await step.world.kit.store.gopayAccounts.findById(row.id);
  if (after?.version !== row.version) {
    step.world.violations.push(`(a) ${user.id} ${method} changed ${target.owner}'s GoPay account`);
  }
}

/** A customer unlinks their account. */
export async function gopayUnlink(step: Step): Promise<void> {
  const user = customer(step);
  const row = await step.world.kit.store.gopayAccounts.findByUserId(user.id);
  if (row === undefined || row.accountId === null) return;
  const answer = await step.world.request(user, 'POST', `/gopay-accounts/${row.id}/unlink`, {});
  if (answer.crashed) return;
  if (answer.status !== 200) {
    step.world.violations.push(`(g) ${user.id} unlinking answered ${answer.status}`);
    return;
  }
  const account = gopayModel(step.model).accounts.get(row.accountId);
  if (account !== undefined) account.unlinked = true;
}
