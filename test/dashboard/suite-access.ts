/** Who gets in: no user, default deny, viewers without forms, CSRF and same-site refusals. */
import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import { itWithKit } from '../support/kit-harness.js';
import { authorize } from './apps.js';
import { as, DashboardSession } from './browser-session.js';
import { paidPayment } from './seeds.js';
import type { DashboardSuite } from './suite.js';

/** Register the access cases. */
export function accessCases(s: DashboardSuite): void {
  const { h } = s;

  itWithKit(h, 'asks for a sign-in without a user, and denies by default', async () => {
    const anonymous = await new DashboardSession(s.app, as('anonymous')).get('/');
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).toContain('Sign in first');
    const customer = await new DashboardSession(s.app, as('customer')).get('/payments');
    expect(customer.status).toBe(403);
    const noAuthorize = await new DashboardSession(s.appWith({}), as('staff')).get('/');
    expect(noAuthorize.status).toBe(403);
    expect(noAuthorize.text).not.toContain('Overview</a>');
  });

  itWithKit(
    h,
    "links a signed-out visitor to the host's sign-in page and back, and names the user",
    async () => {
      const withLogin = s.appWith({
        authorize,
        signInUrl: '/login',
        userLabel: (user) => `Staff ${user.id}`,
      });
      const anonymous = await new DashboardSession(withLogin, as('anonymous')).get('/payments?status=paid');
      expect(anonymous.status).toBe(401);
      expect(anonymous.text).toContain(
        `<a href="/login?next=${encodeURIComponent('/admin/payments?status=paid')}">Sign in</a>`,
      );
      const staff = await new DashboardSession(withLogin, as('staff', 'sari')).get('/');
      expect(staff.text).toContain('Signed in as Staff sari');
      // Without a label function the id is what the suite's users have to show.
      expect((await new DashboardSession(s.app, as('staff', 'sari')).get('/')).text).toContain(
        'Signed in as sari',
      );
    },
  );

  itWithKit(h, 'serves HTML with strict headers and scoped cookies', async () => {
    const page = await new DashboardSession(s.app, as('staff')).get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/mk_dash_csrf=[A-Za-z0-9_-]{43}; Path=\/admin; HttpOnly; SameSite=Strict/);
    const css = await new DashboardSession(s.app, as('anonymous')).get('/style.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  itWithKit(h, 'passes requests that are not its pages on to the host', async () => {
    const other = await new DashboardSession(s.app, as('staff')).get('/nope/at/all');
    expect(other.status).toBe(404);
    expect(other.text).toBe('{"host":"not found"}');
  });

  itWithKit(h, 'shows viewers the pages without forms, and refuses their POSTs', async () => {
    const payment = await paidPayment(h, 'VIEW');
    const viewer = new DashboardSession(s.app, as('viewer'));
    const page = await viewer.get(`/payments/${payment.orderId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(payment.orderId);
    expect(page.text).not.toContain('name="_csrf"');
    expect(page.text).toContain('read-only');
    // Even with a valid token for this viewer (computed here with the known secret), the action is refused.
    const secret = 'x'.repeat(32);
    const keyed = new DashboardSession(s.appWith({ authorize, csrfSecret: secret }), as('viewer'));
    await keyed.get('/');
    const cookie = keyed.cookies.get('mk_dash_csrf') ?? '';
    const token = createHmac('sha256', secret).update(`${cookie}\u0000viewer-1`).digest('base64url');
    const refused = await keyed.post(`/payments/${payment.orderId}/refund`, {
      _csrf: token,
      amount: '1000',
      confirm: 'yes',
    });
    expect(refused.status).toBe(403);
    expect((await h.kit.payments.getPayment(payment.orderId)).refundedAmount).toBe(0);
  });

  itWithKit(h, 'refuses a POST without the CSRF token, with a forged one, or cross-site', async () => {
    const payment = await paidPayment(h, 'CSRF');
    const staff = new DashboardSession(s.app, as('staff'));
    await staff.get(`/payments/${payment.orderId}`);
    const path = `/payments/${payment.orderId}/refund`;
    const missing = await staff.post(path, { _csrf: '', amount: '1000', confirm: 'yes' });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('did not come from this dashboard');
    const forged = await staff.post(path, { _csrf: 'A'.repeat(43), amount: '1000', confirm: 'yes' });
    expect(forged.status).toBe(403);
    // A token is bound to the user: another staff member's token does not work with this cookie.
    const other = new DashboardSession(s.app, as('staff', 'staff-2'));
    await other.get('/');
    const stolen = await staff.post(path, { _csrf: other.token() ?? '', amount: '1000', confirm: 'yes' });
    expect(stolen.status).toBe(403);
    const noCookie = new DashboardSession(s.app, as('staff'));
    noCookie.lastPage = staff.lastPage;
    expect((await noCookie.post(path, { amount: '1000', confirm: 'yes' })).status).toBe(403);
    const crossSite = await staff.post(
      path,
      { amount: '1000', confirm: 'yes' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect((await h.kit.payments.getPayment(payment.orderId)).refundedAmount).toBe(0);
  });
}
