/**
 * Operations on payments, through the HTTP surface as customers and staff would call it:
 * charges of every type, Snap, cancels, captures (full and partial), approvals, denials, staff
 * expiry and refunds (full and partial, with and without keys, some in parallel). Operations that
 * write a record and then call Midtrans may have a crash point armed.
 */
import type { PaymentStatus } from '../../src/constants.js';
import type { FaultPoint } from '../../src/services/core/fault-points.js';
import { chargeBody } from './charges.js';
import { newOrderId, type OrderModel, type Step, someOrder, someUser, userById } from './model.js';
import type { Answer, SimUser } from './world.js';

/** The crash probability of an operation that has fault points. */
const CRASH_P = 0.2;

/**
 * Send a request with maybe one of `points` armed. After a crash the client retries the same
 * request half of the time, as a customer pressing the button again would.
 */
export async function withCrash(
  step: Step,
  points: readonly FaultPoint[],
  send: () => Promise<Answer>,
): Promise<Answer> {
  if (step.rng.chance(CRASH_P)) step.world.arm([step.rng.pick(points)]);
  const answer = await send();
  step.world.disarm();
  if (answer.crashed && step.rng.chance(0.5)) return send();
  return answer;
}

/** A customer (or staff) creates a Core API charge. */
export async function charge(step: Step): Promise<void> {
  const user = someUser(step);
  const orderId = newOrderId(step.model);
  const body = await chargeBody(step.rng, step.world, orderId);
  step.model.orders.set(orderId, { orderId, owner: user.id, gross: Number(body.grossAmount) });
  await withCrash(step, ['charge.recorded', 'charge.answered'], () =>
    step.world.request(user, 'POST', '/payments', body),
  );
}

/** A customer opens a Snap checkout; they pick a method on the page later. */
export async function snap(step: Step): Promise<void> {
  const user = someUser(step);
  const orderId = newOrderId(step.model);
  const grossAmount = step.rng.int(1, 20) * 10_000;
  const order: OrderModel = { orderId, owner: user.id, gross: grossAmount };
  step.model.orders.set(orderId, order);
  const answer = await withCrash(step, ['snap.recorded', 'snap.answered'], () =>
    step.world.request(user, 'POST', '/payments/snap', { orderId, grossAmount }),
  );
  if (!answer.crashed && answer.status === 201 && typeof answer.body.redirectUrl === 'string') {
    order.snapUrl = answer.body.redirectUrl;
  }
}

/** The customer picks a method on an open Snap page (the transaction exists at Midtrans from then on). */
export async function pickSnapMethod(step: Step, order: OrderModel, method?: string): Promise<void> {
  const url = order.snapUrl;
  if (url === undefined) return;
  order.snapUrl = undefined;
  const chosen = method ?? step.rng.pick(['bca_va', 'bni_va', 'gopay', 'other_qris', 'permata_va']);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ method: chosen }).toString(),
    redirect: 'manual',
  });
  // A refused pick shows why on the page; the trace keeps it.
  const why =
    response.status >= 400 ? (/<p class="error">([^<]*)</.exec(await response.text())?.[1] ?? '') : '';
  step.world.note(
    `customer picks ${chosen} on the Snap page of ${order.orderId} → ${response.status}${why ? ` (${why})` : ''}`,
  );
}

/** Something happens on Midtrans's side: the customer pays, the bank fails it, it expires, fraud detection challenges it. */
export async function customer(step: Step): Promise<void> {
  const snapOpen = [...step.model.orders.values()].filter((o) => o.snapUrl !== undefined);
  const open = snapOpen.length > 0 && step.rng.chance(0.3) ? step.rng.pick(snapOpen) : undefined;
  if (open !== undefined) return pickSnapMethod(step, open);
  const controls = step.world.sim.controls;
  const action = step.rng.weighted({ pay: 10, fail: 2, expire: 2, challenge: 2, settle: 2 });
  const order = orderIn(step, ACTION_STATES[action]);
  if (order === undefined) return;
  // Fraud detection looks at a card payment before it is captured, never after it was accepted.
  if (action === 'challenge' && controls.transaction(order.orderId)?.transactionStatus !== 'pending') return;
  try {
    controls[action](order.orderId);
    step.world.note(`midtrans: ${action} ${order.orderId}`);
  } catch {
    // Not possible in the transaction's state (or no transaction): nothing happened.
  }
}

/** Where each of Midtrans's own moves applies. */
const ACTION_STATES = {
  pay: ['pending', 'capture'],
  fail: ['pending', 'authorize', 'capture'],
  expire: ['pending'],
  challenge: ['pending'],
  settle: ['capture'],
} as const satisfies Record<string, readonly string[]>;

/** Payment types Midtrans refunds through the API. */
const REFUNDABLE = ['credit_card', 'gopay', 'shopeepay', 'qris', 'akulaku', 'kredivo'];

/** Where at Midtrans each operation usually finds its payment. */
const VERB_STATES = {
  cancel: ['pending', 'authorize', 'capture'],
  capture: ['authorize'],
  approve: ['capture'],
  deny: ['capture'],
  expire: ['pending'],
} as const satisfies Record<string, readonly string[]>;

/**
 * An order in one of `states` at Midtrans most of the time (so operations mostly hit payments
 * they apply to), any order otherwise (the kit must refuse those cleanly).
 */
export function orderIn(
  step: Step,
  states: readonly string[],
  types?: readonly string[],
): OrderModel | undefined {
  const { controls } = step.world.sim;
  const fitting = [...step.model.orders.values()].filter((o) => {
    const remote = controls.transaction(o.orderId);
    return (
      states.includes(remote?.transactionStatus ?? '') && (types?.includes(remote?.paymentType ?? '') ?? true)
    );
  });
  return fitting.length > 0 && step.rng.chance(0.8) ? step.rng.pick(fitting) : someOrder(step);
}

/**
 * An order whose stored payment is in one of `statuses` (what staff see on the dashboard) most
 * of the time, any order otherwise.
 */
async function orderStored(
  step: Step,
  statuses: readonly PaymentStatus[],
  types: readonly string[],
): Promise<OrderModel | undefined> {
  const page = await step.world.kit.store.payments.list({ status: statuses, limit: 200 });
  const fitting = page.items
    .filter((p) => types.includes(p.paymentType ?? ''))
    .map((p) => step.model.orders.get(p.orderId))
    .filter((o): o is OrderModel => o !== undefined);
  return fitting.length > 0 && step.rng.chance(0.8) ? step.rng.pick(fitting) : someOrder(step);
}

/** Staff or owner operations on one payment. */
export async function operate(step: Step): Promise<void> {
  const verb = step.rng.weighted({ cancel: 3, capture: 3, approve: 2, deny: 1, expire: 1 });
  const order = orderIn(step, VERB_STATES[verb]);
  if (order === undefined) return;
  const user =
    verb === 'cancel' && step.rng.chance(0.6) ? userById(step.model, order.owner) : someUser(step, true);
  const path = `/payments/${order.orderId}/${verb}`;
  let body: unknown;
  if (verb === 'capture' && step.rng.chance(0.2)) {
    // Two staff members (or a double click) capture different amounts at once: one capture at most.
    const amounts = [step.rng.int(1, order.gross), step.rng.int(1, order.gross)];
    const answers = await Promise.all(
      amounts.map((amount) => step.world.request(user, 'POST', path, { amount })),
    );
    const taken = new Set(
      amounts.filter((_, i) => {
        const answer = answers[i];
        return answer !== undefined && !answer.crashed && answer.status === 200;
      }),
    );
    if (taken.size > 1) {
      step.world.violations.push(
        `(b) two captures of ${order.orderId} answered 200: ${[...taken].join(', ')}`,
      );
    }
    const [amount] = [...taken];
    if (amount !== undefined) order.captured = amount;
    return;
  }
  if (verb === 'capture' && step.rng.chance(0.4)) {
    const amount = step.rng.int(1, order.gross);
    body = { amount };
    const answer = await withCrash(step, ['operation.answered'], () =>
      step.world.request(user, 'POST', path, body),
    );
    if (!answer.crashed && answer.status === 200) order.captured = amount;
    if (answer.crashed) order.captured = amount; // Midtrans took it even though we died
    return;
  }
  await withCrash(step, ['operation.answered'], () => step.world.request(user, 'POST', path, body));
}

/** Staff refund: full or partial, with or without a key, sometimes several at once. */
export async function refund(step: Step): Promise<void> {
  const order = await orderStored(step, ['paid', 'partially_refunded'], REFUNDABLE);
  if (order === undefined) return;
  const staff = someUser(step, true);
  // Staff see the order's amount; the kit must know a partial capture took less.
  const left = order.gross;
  const body = (): Record<string, unknown> => {
    const amount = step.rng.chance(0.3) ? left : step.rng.int(1, Math.max(1, Math.floor(left / 2)));
    // One key per intent, as the routes require: sometimes one of a few reused keys (a retry, or a
    // conflicting second intent under an old key), otherwise a new one.
    const refundKey = step.rng.chance(0.4)
      ? `${order.orderId}-k${step.rng.int(1, 3)}`
      : `${order.orderId}-u${step.rng.int(1, 1_000_000)}`;
    return { amount, reason: 'simulation', refundKey };
  };
  const path = `/payments/${order.orderId}/refunds`;
  if (step.rng.chance(0.3)) {
    // Parallel: the double submit of a dashboard button, or two staff at once. No crash armed.
    const first = body();
    const bodies = [first, step.rng.chance(0.5) ? first : body(), ...(step.rng.chance(0.3) ? [first] : [])];
    const refunds = () => refundCount(step, order.orderId);
    const before = refunds();
    await Promise.all(bodies.map((b) => step.world.request(staff, 'POST', path, b)));
    // Identical bodies are one intent submitted twice: at most one refund each at Midtrans.
    const intents = new Set(bodies).size;
    const made = refunds() - before;
    if (made > intents) {
      step.world.violations.push(
        `(c) ${bodies.length} parallel submits of ${intents} refund(s) on ${order.orderId} made ${made} refunds at Midtrans`,
      );
    }
    return;
  }
  const one = body();
  await withCrash(step, ['refund.reserved', 'refund.answered'], () =>
    step.world.request(staff, 'POST', path, one),
  );
}

/** Read one's own payment, sometimes asking Midtrans first. */
export async function read(step: Step): Promise<void> {
  const order = someOrder(step);
  if (order === undefined) return;
  const owner: SimUser = userById(step.model, order.owner);
  const refresh = step.rng.chance(0.5) ? '?refresh=true' : '';
  await step.world.request(owner, 'GET', `/payments/${order.orderId}${refresh}`);
}

/** How many refunds Midtrans holds for an order. */
function refundCount(step: Step, orderId: string): number {
  const refunds = step.world.sim.controls.transaction(orderId)?.status.refunds;
  return Array.isArray(refunds) ? refunds.length : 0;
}
