/**
 * Payment links: a customer creates one (sometimes with a usage limit of 1–2, sometimes expiring
 * within the hour), anyone with its URL pays through it — its owner or another customer, and
 * again after it is used up, deleted or expired — and owners (or strangers, who must get 404)
 * delete links. What the history knows is kept beside the shared model, per model.
 */
import { type Model, newOrderId, type Step, someUser } from './model.js';

/** One link the history created. */
export interface LinkModel {
  id: string;
  orderId: string;
  owner: string;
  gross: number;
  usageLimit: number | undefined;
  /** Set once its owner deleted it (the answer was 200). */
  deleted: boolean;
  /** Payments Midtrans accepted through it, in order. */
  paid: string[];
}

const links = new WeakMap<Model, Map<string, LinkModel>>();

/** The links of a history, by their local id. */
export function linksOf(model: Model): Map<string, LinkModel> {
  let found = links.get(model);
  if (found === undefined) {
    found = new Map();
    links.set(model, found);
  }
  return found;
}

/** A customer creates a payment link. */
export async function createLink(step: Step): Promise<void> {
  const user = someUser(step, false);
  const price = step.rng.int(1, 20) * 5_000;
  const quantity = step.rng.int(1, 2);
  const limit = step.rng.int(0, 2);
  const usageLimit = limit === 0 ? undefined : limit;
  const orderId = step.rng.chance(0.5) ? `L${newOrderId(step.model)}` : undefined;
  const answer = await step.world.request(user, 'POST', '/payment-links', {
    ...(orderId === undefined ? {} : { orderId }),
    items: [{ name: 'Plan', quantity, price }],
    ...(usageLimit === undefined ? {} : { usageLimit }),
    ...(step.rng.chance(0.3) ? { expiry: { duration: step.rng.int(10, 90), unit: 'minutes' } } : {}),
  });
  if (answer.crashed || answer.status !== 201) {
    if (!answer.crashed) step.world.violations.push(`(e) creating a payment link answered ${answer.status}`);
    return;
  }
  const link = answer.body.paymentLink as { id: string; orderId: string; userId: string };
  if (link.userId !== user.id)
    step.world.violations.push(`(a) ${user.id}'s new link is owned by ${link.userId}`);
  linksOf(step.model).set(link.id, {
    id: link.id,
    orderId: link.orderId,
    owner: user.id,
    gross: price * quantity,
    usageLimit,
    deleted: false,
    paid: [],
  });
}

/** Someone (the owner or any other customer) pays through a link at Midtrans; closed links must refuse. */
export async function payLink(step: Step): Promise<void> {
  const all = [...linksOf(step.model).values()];
  if (all.length === 0) return;
  const link = step.rng.pick(all);
  const payer = someUser(step, false);
  const usedUp = link.usageLimit !== undefined && link.paid.length >= link.usageLimit;
  let orderId: string | undefined;
  try {
    orderId = step.world.sim.controls.payPaymentLink(link.orderId).orderId;
  } catch {
    // Deleted, used up or expired: Midtrans refuses, as it must.
  }
  step.world.note(`  ${payer.id} pays ${link.owner}'s link ${link.orderId}: ${orderId ?? 'refused'}`);
  if (orderId === undefined) return;
  if (link.deleted || usedUp) {
    step.world.violations.push(
      `(f) link ${link.orderId} (${link.deleted ? 'deleted' : 'used up'}) took payment ${orderId}`,
    );
  }
  link.paid.push(orderId);
}

/** The owner deletes a link, or another customer tries to (and must get 404). */
export async function deleteLink(step: Step): Promise<void> {
  const all = [...linksOf(step.model).values()];
  if (all.length === 0) return;
  const link = step.rng.pick(all);
  const stranger = step.rng.chance(0.4);
  const others = step.model.users.filter((u) => !u.staff && u.id !== link.owner);
  const user = stranger && others.length > 0 ? step.rng.pick(others) : { id: link.owner, staff: false };
  const answer = await step.world.request(user, 'DELETE', `/payment-links/${link.id}`);
  if (answer.crashed) return;
  if (user.id !== link.owner) {
    if (answer.status !== 404) {
      step.world.violations.push(`(a) ${user.id} DELETE ${link.owner}'s link answered ${answer.status}`);
    }
    return;
  }
  if (answer.status === 200) link.deleted = true;
  else step.world.violations.push(`(e) ${link.owner} deleting their link answered ${answer.status}`);
}
