/**
 * Invoices and subscriptions, with names that collide across users on purpose: two customers
 * both subscribing to "GOLD", two invoices for "Budi Santoso". Billing runs when the simulator's
 * clock moves; the recurring charges must land on the right user's records.
 */
import { savedCardToken } from './charges.js';
import { newOrderId, type Step, someUser } from './model.js';
import { withCrash } from './ops-payments.js';

const NAMES = ['GOLD', 'SILVER'] as const;
const DAY_MS = 86_400_000;

/** A user creates an invoice. */
export async function invoice(step: Step): Promise<void> {
  const user = someUser(step);
  const orderId = newOrderId(step.model);
  const price = step.rng.int(1, 20) * 5_000;
  const quantity = step.rng.int(1, 3);
  step.model.orders.set(orderId, { orderId, owner: user.id, gross: price * quantity });
  const answer = await withCrash(step, ['invoice.recorded', 'invoice.answered'], () =>
    step.world.request(user, 'POST', '/invoices', {
      orderId,
      customerName: 'Budi Santoso',
      customerEmail: 'budi@example.com',
      dueDate: new Date(step.world.sim.controls.now().getTime() + 7 * DAY_MS).toISOString(),
      ...(step.rng.chance(0.5)
        ? { paymentType: 'virtual_account', virtualAccounts: [{ bank: 'bca_va' }] }
        : { paymentType: 'payment_link' }),
      items: [{ description: 'Plan', quantity, price }],
    }),
  );
  const created = answer.crashed ? undefined : (answer.body.invoice as { id?: string } | undefined);
  if (created?.id) step.model.invoices.set(created.id, user.id);
}

/** The customer pays an invoice at Midtrans. */
export async function payInvoice(step: Step): Promise<void> {
  const ids = [...step.model.invoices.keys()];
  if (ids.length === 0) return;
  const stored = await step.world.kit.store.invoices.findById(step.rng.pick(ids));
  if (!stored?.midtransInvoiceId) return;
  try {
    step.world.sim.controls.payInvoice(stored.midtransInvoiceId);
  } catch {
    // Already paid, voided or expired.
  }
}

/** A user subscribes under a name another user may use too. */
export async function subscribe(step: Step): Promise<void> {
  const user = someUser(step);
  const name = step.rng.pick(NAMES);
  const token = await savedCardToken(step.world, `${newOrderId(step.model)}-save`);
  const answer = await withCrash(step, ['subscription.recorded', 'subscription.answered'], () =>
    step.world.request(user, 'POST', '/subscriptions', {
      name,
      amount: step.rng.int(1, 10) * 10_000,
      paymentType: 'credit_card',
      token,
      interval: 1,
      intervalUnit: 'day',
    }),
  );
  const created = answer.crashed ? undefined : (answer.body.subscription as { id?: string } | undefined);
  if (created?.id) step.model.subscriptions.set(created.id, { owner: user.id, name });
}

/** A user reaches for another user's invoice or subscription. */
export async function trespassBilling(step: Step): Promise<void> {
  const invoices = [...step.model.invoices.entries()].map(([id, owner]) => ({
    path: `/invoices/${id}`,
    owner,
  }));
  const subs = [...step.model.subscriptions.entries()].map(([id, s]) => ({
    path: `/subscriptions/${id}`,
    owner: s.owner,
  }));
  const all = [...invoices, ...subs];
  if (all.length === 0) return;
  const target = step.rng.pick(all);
  const others = step.model.users.filter((u) => !u.staff && u.id !== target.owner);
  if (others.length === 0) return;
  const user = step.rng.pick(others);
  const verb = step.rng.pick(['GET', 'POST /disable', 'POST /void', 'POST /cancel']);
  const [method, suffix] = verb === 'GET' ? ['GET', ''] : ['POST', verb.slice(5)];
  const answer = await step.world.request(
    user,
    method,
    `${target.path}${suffix}`,
    method === 'POST' ? {} : undefined,
  );
  if (!answer.crashed && answer.status !== 404 && answer.status !== 403) {
    step.world.violations.push(
      `(a) ${user.id} ${method} ${target.path}${suffix} of ${target.owner} answered ${answer.status}`,
    );
  }
}

/** Time passes at Midtrans: expiries, due dates and subscription billing fall due. */
export async function advanceClock(step: Step): Promise<void> {
  const ms = step.rng.pick([60_000, 10 * 60_000, 3_600_000, DAY_MS + 60_000, DAY_MS + 60_000]);
  step.world.sim.controls.advanceClock(ms);
  await step.world.sim.controls.idle({ timeoutMs: 20_000 });
}
