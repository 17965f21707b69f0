/** Payment and notification actions: confirmation, results as messages, errors without stacks. */
import { expect } from 'vitest';
import { itWithKit } from '../support/kit-harness.js';
import { authorize } from './apps.js';
import { as, DashboardSession } from './browser-session.js';
import { paidPayment, pendingPayment, rejectedNotification } from './seeds.js';
import type { DashboardSuite } from './suite.js';

/** Register the action cases. */
export function actionCases(s: DashboardSuite): void {
  const { h } = s;

  itWithKit(h, 'refunds part of a payment and shows the refund and the new status', async () => {
    const payment = await paidPayment(h, 'REF');
    const staff = new DashboardSession(s.app, as('staff'));
    await staff.get(`/payments/${payment.orderId}`);
    const posted = await staff.post(`/payments/${payment.orderId}/refund`, {
      amount: '50000',
      reason: 'Rusak <b>',
      confirm: 'yes',
      back: `/payments/${payment.orderId}`,
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`/admin/payments/${payment.orderId}`);
    const page = await staff.get(`/payments/${payment.orderId}`);
    expect(page.text).toContain('class="flash ok"');
    expect(page.text).toContain('Refund of Rp 50.000 succeeded: the payment is now partially_refunded.');
    expect(page.text).toMatch(/data-section="refunds"[\s\S]*Rp 50\.000[\s\S]*Rusak &lt;b&gt;/);
    expect(page.text).toMatch(/data-section="history"[\s\S]*badge partially_refunded/);
    // The message is shown once.
    expect((await staff.get(`/payments/${payment.orderId}`)).text).not.toContain('class="flash');
    const stored = await h.kit.payments.getPayment(payment.orderId);
    expect(stored).toMatchObject({ status: 'partially_refunded', refundedAmount: 50_000 });
    const refunds = await staff.get('/refunds');
    expect(refunds.text).toContain(`href="/admin/payments/${payment.orderId}"`);
  });

  itWithKit(h, 'a refund form submitted twice, or from two tabs, refunds once', async () => {
    const payment = await paidPayment(h, 'TWICE');
    const staff = new DashboardSession(s.app, as('staff'));
    await staff.get(`/payments/${payment.orderId}`);
    const key = staff.hidden('refundKey');
    expect(key).toMatch(/^[\x21-\x7e]{1,46}$/);
    // A second tab drawn from the same state carries the same key.
    const tab = new DashboardSession(s.app, as('staff'));
    await tab.get(`/payments/${payment.orderId}`);
    expect(tab.hidden('refundKey')).toBe(key);
    const form = { amount: '20000', reason: 'double', confirm: 'yes', back: `/payments/${payment.orderId}` };
    const [first, second] = await Promise.all([
      staff.post(`/payments/${payment.orderId}/refund`, form),
      staff.post(`/payments/${payment.orderId}/refund`, form),
    ]);
    expect([first.status, second.status]).toEqual([303, 303]);
    const fromTab = await tab.post(`/payments/${payment.orderId}/refund`, form);
    expect(fromTab.status).toBe(303);
    expect(await h.kit.payments.getPayment(payment.orderId)).toMatchObject({
      refundedAmount: 20_000,
      refundCount: 1,
    });
    expect(h.sim.controls.transaction(payment.orderId)?.status.refunds).toHaveLength(1);
    // The page drawn after the refund offers the next one under a new key.
    await staff.get(`/payments/${payment.orderId}`);
    expect(staff.hidden('refundKey')).not.toBe(key);
  });

  itWithKit(h, 'a back parameter a Location header cannot carry is ignored, not a 500', async () => {
    const payment = await paidPayment(h, 'BACK');
    const staff = new DashboardSession(s.app, as('staff'));
    await staff.get(`/payments/${payment.orderId}`);
    const posted = await staff.post(`/payments/${payment.orderId}/refund`, {
      amount: '10000',
      confirm: 'yes',
      back: '/payments/Bayar-ü-☃',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`/admin/payments/${payment.orderId}`);
    expect(await h.kit.payments.getPayment(payment.orderId)).toMatchObject({ refundCount: 1 });
  });

  itWithKit(h, 'does nothing without the confirmation box, and explains errors without a stack', async () => {
    const payment = await paidPayment(h, 'ERR');
    const staff = new DashboardSession(s.app, as('staff'));
    await staff.get(`/payments/${payment.orderId}`);
    const unconfirmed = await staff.submit(`/payments/${payment.orderId}/refund`, { amount: '1000' });
    expect(unconfirmed.text).toContain('Nothing done: tick the confirmation box first.');
    const tooMuch = await staff.submit(`/payments/${payment.orderId}/refund`, {
      amount: '999999',
      confirm: 'yes',
    });
    expect(tooMuch.text).toContain('class="flash error"');
    expect(tooMuch.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const dotted = await staff.submit(`/payments/${payment.orderId}/refund`, {
      amount: '50.000',
      confirm: 'yes',
    });
    expect(dotted.text).toContain('amount must be a whole number of Rupiah');
    const wrongState = await staff.submit(`/payments/${payment.orderId}/expire`, { confirm: 'yes' });
    expect(wrongState.text).toContain('class="flash error"');
    expect((await h.kit.payments.getPayment(payment.orderId)).refundedAmount).toBe(0);
    const outside = await staff.post(`/payments/${payment.orderId}/check-status`, {
      back: '//evil.example/x',
    });
    expect(outside.headers.location).toBe(`/admin/payments/${payment.orderId}`);
  });

  itWithKit(h, 'checks status now, and cancels a pending payment through the service', async () => {
    const payment = await pendingPayment(h.kit, 'CXL');
    const staff = new DashboardSession(s.app, as('staff'));
    const before = await staff.get(`/payments/${payment.orderId}`);
    expect(before.text).toContain('/cancel"');
    expect(before.text).toContain('/expire"');
    const checked = await staff.submit(`/payments/${payment.orderId}/check-status`, {});
    expect(checked.text).toContain('Midtrans says &quot;pending&quot;; the payment is pending.');
    const cancelled = await staff.submit(`/payments/${payment.orderId}/cancel`, { confirm: 'yes' });
    expect(cancelled.text).toContain('Cancelled: the payment is now cancelled.');
    const events = await h.kit.store.paymentEvents.listByPayment(payment.id);
    expect(events.at(-1)?.toStatus).toBe('cancelled');
  });

  itWithKit(h, 'replays one rejected notification, and a filtered set', async () => {
    const payment = await paidPayment(h, 'RPL');
    const id = await rejectedNotification(h.kit, payment.orderId);
    const staff = new DashboardSession(s.app, as('staff'));
    await staff.get('/notifications?verdict=rejected_signature');
    const one = await staff.submit(`/notifications/${id}/replay`, {
      confirm: 'yes',
      back: '/notifications?verdict=rejected_signature',
    });
    expect(one.text).toContain('Replayed: the verdict is rejected_signature.');
    expect(one.text).toContain(`replay of ${id}`);
    const set = await staff.submit('/notifications/replay', {
      verdict: 'rejected_signature',
      confirm: 'yes',
    });
    expect(set.text).toMatch(/Replayed \d+ notifications?: \d+ rejected_signature\./);
    const bad = await staff.submit('/notifications/replay', { verdict: 'nonsense', confirm: 'yes' });
    expect(bad.text).toContain('verdict is not a verdict');
  });

  itWithKit(h, 'takes forms a host parser already read, and refuses oversized ones', async () => {
    const payment = await pendingPayment(h.kit, 'PARSED');
    const parsedApp = s.appWith({ authorize, hostUrlencoded: true });
    const staff = new DashboardSession(parsedApp, as('staff'));
    await staff.get(`/payments/${payment.orderId}`);
    const checked = await staff.submit(`/payments/${payment.orderId}/check-status`, {});
    expect(checked.text).toContain('the payment is pending.');
    const small = new DashboardSession(s.appWith({ authorize, bodyLimit: 200 }), as('staff'));
    await small.get(`/payments/${payment.orderId}`);
    const tooLarge = await small.post(`/payments/${payment.orderId}/check-status`, { pad: 'x'.repeat(500) });
    expect(tooLarge.status).toBe(413);
  });
}
