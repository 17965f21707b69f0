/**
 * The authorisation matrix, built from the route table: every route × {anonymous, owner, other
 * user, staff}. Each route needs a rule here (its expected access and a valid sample request),
 * so a route added to the table without one fails this suite.
 */
import { beforeAll, expect, it } from 'vitest';
import { createRouteTable, type RouteAccess, type RouteAction } from '../../src/http/index.js';
import { as, dueInAWeek, OWNER_ID, P, type Role, type Suite } from './support.js';

interface Rule {
  access: RouteAccess;
  body?: unknown;
}

const RULES: Record<RouteAction, Rule> = {
  'payments.create': { access: 'user', body: { paymentType: 'qris', grossAmount: 10_000 } },
  'payments.snap': { access: 'user', body: { grossAmount: 10_000 } },
  'payments.list': { access: 'user' },
  'payments.get': { access: 'owner' },
  'payments.cancel': { access: 'owner' },
  'payments.expire': { access: 'staff' },
  'payments.capture': { access: 'staff', body: {} },
  'payments.refund': { access: 'staff', body: { amount: 1_000 } },
  'payments.approve': { access: 'staff' },
  'payments.deny': { access: 'staff' },
  'invoices.create': {
    access: 'user',
    body: {
      customerName: 'Budi',
      customerEmail: 'budi@example.com',
      dueDate: dueInAWeek(),
      items: [{ description: 'Plan', quantity: 1, price: 10_000 }],
    },
  },
  'invoices.get': { access: 'owner' },
  'invoices.void': { access: 'staff', body: {} },
  'paymentLinks.create': {
    access: 'user',
    body: { items: [{ name: 'Plan', quantity: 1, price: 10_000 }], usageLimit: 1 },
  },
  'paymentLinks.list': { access: 'user' },
  'paymentLinks.get': { access: 'owner' },
  'paymentLinks.delete': { access: 'owner' },
  'subscriptions.create': {
    access: 'user',
    body: { name: 'MATRIX', amount: 10_000, paymentType: 'credit_card', token: 'saved-token-1' },
  },
  'subscriptions.get': { access: 'owner' },
  'subscriptions.enable': { access: 'owner' },
  'subscriptions.disable': { access: 'owner' },
  'subscriptions.cancel': { access: 'owner' },
  'subscriptions.update': { access: 'owner', body: { amount: 12_000 } },
  'gopayAccounts.link': { access: 'user', body: { phoneNumber: '81212345678', countryCode: '62' } },
  'gopayAccounts.get': { access: 'owner' },
  'gopayAccounts.unlink': { access: 'owner' },
  'notifications.receive': { access: 'public', body: {} },
  'openapi.get': { access: 'user' },
};

/** What each role must get for each access rule: a status, or `allowed` (anything but 401/403/404). */
const EXPECTED: Record<RouteAccess, Record<Role, number | 'allowed'>> = {
  public: { anonymous: 'allowed', owner: 'allowed', other: 'allowed', staff: 'allowed' },
  user: { anonymous: 401, owner: 'allowed', other: 'allowed', staff: 'allowed' },
  owner: { anonymous: 401, owner: 'allowed', other: 404, staff: 'allowed' },
  staff: { anonymous: 401, owner: 403, other: 404, staff: 'allowed' },
};

const ROLES: Role[] = ['anonymous', 'other', 'owner', 'staff'];

export function matrixCases(s: Suite): void {
  const routes = createRouteTable();
  const ids = { orderId: '', invoiceId: '', subscriptionId: '', paymentLinkId: '', gopayAccountId: '' };

  beforeAll(async () => {
    if ((s.h as unknown as { skipped: boolean }).skipped) return;
    const user = { id: OWNER_ID };
    const { payment } = await s.h.kit.payments.createCharge({
      paymentType: 'qris',
      grossAmount: 10_000,
      user,
    });
    ids.orderId = payment.orderId;
    const { invoice } = await s.h.kit.invoices.createInvoice({
      customerName: 'Budi',
      customerEmail: 'budi@example.com',
      dueDate: new Date(dueInAWeek()),
      items: [{ description: 'Plan', quantity: 1, price: 10_000 }],
      user,
    });
    ids.invoiceId = invoice.id;
    const { subscription } = await s.h.kit.subscriptions.createSubscription({
      name: 'OWNED',
      amount: 10_000,
      paymentType: 'credit_card',
      token: 'saved-token-1',
      user,
    });
    ids.subscriptionId = subscription.id;
    const link = await s.h.kit.paymentLinks.create({
      items: [{ name: 'Plan', quantity: 1, price: 10_000 }],
      user,
    });
    ids.paymentLinkId = link.id;
    const linked = await s.h.kit.gopayAccounts.link({
      phoneNumber: '81212345678',
      countryCode: '62',
      owner: user,
    });
    ids.gopayAccountId = linked.gopayAccount.id;
  });

  it('has a rule for every route of the table, with the access the table declares', () => {
    for (const route of routes) {
      expect(RULES[route.action], `no authorisation rule for ${route.action}`).toBeDefined();
      expect(`${route.action}: ${route.access}`).toBe(`${route.action}: ${RULES[route.action].access}`);
    }
    expect(Object.keys(RULES).sort()).toEqual(routes.map((route) => route.action).sort());
  });

  for (const route of routes) {
    it(`${route.method} ${route.path} (${route.access})`, async () => {
      // The rule, not the table, says what must happen: a route whose access drifts fails here too.
      const rule = RULES[route.action];
      if (rule === undefined) throw new Error(`no authorisation rule for ${route.action}`);
      const path = route.path.replace(':orderId', ids.orderId).replace(':id', recordIdFor(route.tag, ids));
      const seen: Record<string, number> = {};
      for (const role of ROLES) {
        const agent = as(s.app, role);
        const call =
          route.method === 'GET'
            ? agent.get(P + path)
            : route.method === 'PATCH'
              ? agent.patch(P + path)
              : route.method === 'DELETE'
                ? agent.delete(P + path)
                : agent.post(P + path);
        const res = rule.body === undefined ? await call : await call.send(rule.body as object);
        seen[role] = res.status;
        const expected = EXPECTED[rule.access][role];
        if (expected === 'allowed') {
          expect([401, 403, 404], `${role}: ${res.status} ${res.text}`).not.toContain(res.status);
          expect(res.status, `${role}: ${res.text}`).toBeLessThan(500);
        } else {
          expect(res.status, `${role}: ${res.text}`).toBe(expected);
        }
      }
    });
  }
}

function recordIdFor(tag: string, ids: Record<string, string>): string {
  if (tag === 'invoices') return ids.invoiceId ?? '';
  if (tag === 'payment-links') return ids.paymentLinkId ?? '';
  if (tag === 'gopay-accounts') return ids.gopayAccountId ?? '';
  return ids.subscriptionId ?? '';
}
