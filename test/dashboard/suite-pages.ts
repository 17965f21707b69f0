/** The pages: finding a payment, escaping, totals, the payment page's sections, the lists. */
import { expect } from 'vitest';
import { itWithKit, TEST_SERVER_KEY } from '../support/kit-harness.js';
import { as, DashboardSession } from './browser-session.js';
import { EVIL_NAME, paidPayment, pendingPayment, rejectedNotification } from './seeds.js';
import type { DashboardSuite } from './suite.js';

/** Register the page cases. */
export function pageCases(s: DashboardSuite): void {
  const { h } = s;

  itWithKit(
    h,
    'finds a payment by order id, transaction id and email, escaping what customers typed',
    async () => {
      const payment = await paidPayment(h, 'FIND');
      const staff = new DashboardSession(s.app, as('staff'));
      for (const q of [payment.orderId, payment.transactionId ?? '?']) {
        const found = await staff.get(`/payments?q=${encodeURIComponent(q)}`);
        expect(found.status).toBe(200);
        expect(found.text).toContain(`href="/admin/payments/${payment.orderId}"`);
        expect(found.text).toContain('Total of the 1 shown');
        expect(found.text).toContain('Rp 150.000');
      }
      const byEmail = await staff.get('/payments?q=budi%40example.com&status=paid');
      expect(byEmail.text).toContain(payment.orderId);
      for (const page of [byEmail, await staff.get(`/payments/${payment.orderId}`)]) {
        expect(page.text).not.toContain(EVIL_NAME);
        expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      }
      const none = await staff.get('/payments?q=NO-SUCH-ORDER');
      expect(none.text).toContain('No payments match');
      const echoed = await staff.get(`/payments?q=${encodeURIComponent('"><script>x()</script>')}`);
      expect(echoed.text).not.toContain('<script>x()');
    },
  );

  itWithKit(h, 'filters by status, type and dates, with keyset paging and totals', async () => {
    const a = await pendingPayment(h.kit, 'F1');
    const b = await pendingPayment(h.kit, 'F2');
    const staff = new DashboardSession(s.app, as('staff'));
    const today = new Date().toISOString().slice(0, 10);
    const pending = await staff.get(
      `/payments?status=pending&type=bank_transfer&from=2000-01-01&to=2999-12-31`,
    );
    expect(pending.text).toContain(a.orderId);
    expect(pending.text).toContain(b.orderId);
    expect(pending.text).not.toContain('badge paid');
    const past = await staff.get('/payments?to=2000-01-01');
    expect(past.text).toContain('No payments match');
    const small = new DashboardSession(s.appWith({ authorize: () => true, pageSize: 1 }), as('staff'));
    const first = await small.get(`/payments?status=pending&from=${today}`);
    const next = /href="\/admin(\/payments\?[^"]*cursor=[^"]+)" rel="next"/.exec(first.text)?.[1];
    expect(next).toBeDefined();
    const second = await small.get((next ?? '').replaceAll('&amp;', '&'));
    expect(second.status).toBe(200);
    expect(second.text).toContain('Total of the 1 shown');
    expect(second.text).toContain('First page');
    const bad = await staff.get('/payments?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('from must be a date');
  });

  itWithKit(h, 'shows a payment: fields, instructions, history, notifications with raw bodies', async () => {
    const payment = await paidPayment(h, 'SHOW');
    const page = await new DashboardSession(s.app, as('staff')).get(`/payments/${payment.orderId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Payment ${payment.orderId}`);
    expect(page.text).toContain('QR string');
    expect(page.text).toMatch(/data-section="history"[\s\S]*pending[\s\S]*paid/);
    expect(page.text).toMatch(/data-section="notifications"[\s\S]*badge applied/);
    expect(page.text).toContain('&quot;transaction_status&quot;: &quot;settlement&quot;');
    expect(page.text).toContain('data-section="last-response"');
    expect(page.text).toContain('/refund"');
    expect(page.text).not.toContain(TEST_SERVER_KEY);
    const missing = await new DashboardSession(s.app, as('staff')).get('/payments/NOPE-404');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('No payment');
  });

  itWithKit(h, 'lists notifications by verdict and shows the overview', async () => {
    const payment = await paidPayment(h, 'NOTE');
    await rejectedNotification(h.kit, payment.orderId);
    const staff = new DashboardSession(s.app, as('staff'));
    const rejected = await staff.get('/notifications?verdict=rejected_signature');
    expect(rejected.status).toBe(200);
    expect(rejected.text).toContain('badge rejected_signature');
    expect(rejected.text).not.toContain('badge applied');
    expect(rejected.text).toContain('Replay every &quot;rejected_signature&quot; delivery');
    const overview = await staff.get('/');
    expect(overview.text).toMatch(/data-card="paid-today"[\s\S]*Rp [\d.]+/);
    expect(overview.text).toContain('data-card="unknown"');
    // "1 payment", "2 payments": the noun agrees with the count.
    const [, count, noun] =
      /data-card="paid-today"[\s\S]*?<div>(\d+)\+? (payments?)<\/div>/.exec(overview.text) ?? [];
    expect(noun).toBe(count === '1' ? 'payment' : 'payments');
    // Times say which zone they are in.
    expect((await staff.get('/payments')).text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} GMT\+7/);
  });
}
