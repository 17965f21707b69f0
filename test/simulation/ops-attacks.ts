/**
 * Attackers and clumsy clients: users reaching for each other's orders, invoices and
 * subscriptions (always 404/403, nothing changed, nothing leaked), re-charging someone else's
 * order id, and malformed bodies (always 4xx, never 5xx).
 */
import { newOrderId, type Step, someOrder, someUser } from './model.js';
import type { SimUser } from './world.js';

function stranger(step: Step, owner: string): SimUser | undefined {
  const others = step.model.users.filter((u) => !u.staff && u.id !== owner);
  return others.length === 0 ? undefined : step.rng.pick(others);
}

/** A user tries to read or change another user's payment. */
export async function trespass(step: Step): Promise<void> {
  const order = someOrder(step);
  if (order === undefined) return;
  const user = stranger(step, order.owner);
  if (user === undefined) return;
  const before = await step.world.kit.store.payments.findByOrderId(order.orderId);
  if (before === undefined) return;
  const [method, path, body] = step.rng.pick([
    ['GET', `/payments/${order.orderId}`, undefined],
    ['GET', `/payments/${order.orderId}?refresh=true`, undefined],
    ['POST', `/payments/${order.orderId}/cancel`, undefined],
    ['POST', `/payments/${order.orderId}/refunds`, { amount: 1000 }],
    ['POST', `/payments/${order.orderId}/capture`, {}],
    ['POST', `/payments/${order.orderId}/approve`, undefined],
  ] as const);
  const answer = await step.world.request(user, method, path, body);
  if (answer.crashed) return;
  if (answer.status !== 404 && answer.status !== 403) {
    step.world.violations.push(
      `(a) ${user.id} ${method} ${path} on ${order.owner}'s order answered ${answer.status}`,
    );
  }
  if (JSON.stringify(answer.body).includes(String(before.grossAmount)) && answer.body.payment !== undefined) {
    step.world.violations.push(`(a) ${user.id} ${method} ${path} leaked ${order.owner}'s payment`);
  }
  const after = await step.world.kit.store.payments.findByOrderId(order.orderId);
  if (after?.version !== before.version || after.userId !== before.userId) {
    step.world.violations.push(
      `(a) ${user.id} ${method} ${path} changed ${order.owner}'s payment ${order.orderId}`,
    );
  }
}

/** A user sends a charge with another user's order id: refused, and the owner's record untouched. */
export async function recharge(step: Step): Promise<void> {
  const order = someOrder(step);
  if (order === undefined) return;
  const user = stranger(step, order.owner);
  if (user === undefined) return;
  const before = await step.world.kit.store.payments.findByOrderId(order.orderId);
  // An order id nobody holds yet is free for anyone to use.
  if (before === undefined) return;
  const answer = await step.world.request(user, 'POST', '/payments', {
    orderId: order.orderId,
    grossAmount: order.gross + 1000,
    paymentType: 'gopay',
  });
  if (answer.crashed) return;
  const after = await step.world.kit.store.payments.findByOrderId(order.orderId);
  if (answer.status < 400) {
    step.world.violations.push(
      `(a) ${user.id} re-charged ${order.owner}'s order ${order.orderId}: ${answer.status}`,
    );
  }
  if (after?.userId !== before.userId || after.grossAmount !== before.grossAmount) {
    step.world.violations.push(
      `(a) ${user.id}'s re-charge changed ${order.owner}'s payment ${order.orderId}`,
    );
  }
}

/** Malformed input: a 4xx, never a 2xx or a 5xx. */
export async function malformed(step: Step): Promise<void> {
  const user = someUser(step);
  const staff = someUser(step, true);
  const order = someOrder(step);
  const target = order?.orderId ?? newOrderId(step.model);
  // Bodies that pass the schema may still make a record: give them an order id of the user's.
  const fresh = newOrderId(step.model);
  step.model.orders.set(fresh, { orderId: fresh, owner: user.id, gross: 10_000 });
  const cases: [SimUser | undefined, string, string, unknown][] = [
    [user, 'POST', '/payments', '{"paymentType":'],
    [user, 'POST', '/payments', { paymentType: 'bank_transfer', grossAmount: -5 }],
    [
      user,
      'POST',
      '/payments',
      { paymentType: 'bank_transfer', grossAmount: 1.5, paymentOptions: { bank: 'bca' } },
    ],
    [
      user,
      'POST',
      '/payments',
      {
        orderId: fresh,
        paymentType: 'credit_card',
        grossAmount: 10_000,
        paymentOptions: { tokenId: 'x\u0000' },
      },
    ],
    [
      user,
      'POST',
      '/payments',
      {
        orderId: fresh,
        paymentType: 'credit_card',
        grossAmount: 10_000,
        paymentOptions: { tokenId: 'used' },
      },
    ],
    [user, 'POST', '/payments', { paymentType: 'gopay', grossAmount: 10_000, orderId: 'bad id\u0000' }],
    [user, 'POST', '/payments/snap', { grossAmount: '10000' }],
    [staff, 'POST', `/payments/${target}/refunds`, { amount: 0 }],
    [staff, 'POST', `/payments/${target}/refunds`, { amount: 10, refundKey: 'k\u0000' }],
    [staff, 'POST', `/payments/${target}/capture`, { amount: 'all' }],
    [user, 'POST', '/invoices', { customerName: '', items: [] }],
    [user, 'POST', '/subscriptions', { name: 'has space', amount: 1 }],
    [undefined, 'POST', '/notifications', '{"order_id":"x\u0000","status_code":"200","gross_amount":"1.00"}'],
    [
      undefined,
      'POST',
      '/notifications',
      `{"order_id":"${target}","transaction_status":"settlement","status_code":"200","gross_amount":"10000.00","signature_key":"00"}`,
    ],
    [undefined, 'POST', '/notifications', '[]'],
  ];
  const genuine = step.world.inbox.lastDelivered;
  if (genuine !== undefined) {
    // A signed notification with a field added: the signature does not cover it.
    const tampered = { ...(JSON.parse(genuine) as Record<string, unknown>), note: 'x\u0000y' };
    cases.push([undefined, 'POST', '/notifications', JSON.stringify(tampered)]);
  }
  const [who, method, path, body] = step.rng.pick(cases);
  const answer = await step.world.request(who, method, path, body);
  if (answer.crashed) return;
  const webhook = path === '/notifications';
  // A 5xx was already reported by the request itself.
  if (!webhook && answer.status < 400) {
    step.world.violations.push(
      `(e) malformed ${method} ${path} ${JSON.stringify(body)} answered ${answer.status}`,
    );
  }
}

/** Text fields carrying a NUL character (PostgreSQL cannot store one): accepted or refused, never a 5xx. */
export async function nul(step: Step): Promise<void> {
  const user = someUser(step);
  const staff = someUser(step, true);
  const orderId = newOrderId(step.model);
  step.model.orders.set(orderId, { orderId, owner: user.id, gross: 20_000 });
  const order = someOrder(step);
  const dueDate = new Date(step.world.sim.controls.now().getTime() + 86_400_000).toISOString();
  const cases: [SimUser, string, string, unknown][] = [
    [
      user,
      'POST',
      '/payments',
      { orderId, grossAmount: 20_000, paymentType: 'gopay', customerDetails: { firstName: 'Bu\u0000di' } },
    ],
    [
      user,
      'POST',
      '/payments',
      { orderId, grossAmount: 20_000, paymentType: 'gopay', metadata: { note: 'a\u0000b' } },
    ],
    [
      user,
      'POST',
      '/payments',
      {
        orderId,
        grossAmount: 20_000,
        paymentType: 'gopay',
        itemDetails: [{ id: 'x', name: 'K\u0000', price: 20_000, quantity: 1 }],
      },
    ],
    [
      user,
      'POST',
      '/payments/snap',
      { orderId, grossAmount: 20_000, customerDetails: { email: 'a\u0000@b.c' } },
    ],
    [
      user,
      'POST',
      '/invoices',
      {
        orderId,
        customerName: 'Bu\u0000di',
        customerEmail: 'budi@example.com',
        dueDate,
        items: [{ description: 'P\u0000', quantity: 1, price: 20_000 }],
      },
    ],
    [staff, 'POST', `/payments/${order?.orderId ?? orderId}/refunds`, { amount: 1_000, reason: 'r\u0000' }],
  ];
  const [who, method, path, body] = step.rng.pick(cases);
  await step.world.request(who, method, path, body);
}
