/** Invoices and subscriptions: their pages and actions, through the services. */
import { expect } from 'vitest';
import type { MidtransKit } from '../../src/kit.js';
import { itWithKit } from '../support/kit-harness.js';
import { as, DashboardSession } from './browser-session.js';
import { orderId } from './seeds.js';
import type { DashboardSuite } from './suite.js';

async function savedCardToken(kit: MidtransKit): Promise<string> {
  const card = await kit.client.core.cardToken({
    card_number: '4811111111111114',
    card_cvv: '123',
    card_exp_month: '12',
    card_exp_year: '2035',
  });
  const saved = await kit.client.core.charge({
    payment_type: 'credit_card',
    transaction_details: { order_id: orderId('SAVE'), gross_amount: 10_000 },
    credit_card: { token_id: card.token_id, save_token_id: true },
  });
  return String(saved.saved_token_id);
}

/** Register the billing cases. */
export function billingCases(s: DashboardSuite): void {
  const { h } = s;

  itWithKit(h, 'shows and voids an invoice', async () => {
    const { invoice } = await h.kit.invoices.createInvoice({
      customerName: 'Budi <i>Santoso</i>',
      customerEmail: 'budi@example.com',
      dueDate: new Date(Date.now() + 7 * 86_400_000),
      items: [{ description: 'Kaos', quantity: 2, price: 50_000 }],
    });
    const staff = new DashboardSession(s.app, as('staff'));
    const list = await staff.get('/invoices?status=pending');
    expect(list.text).toContain(invoice.invoiceNumber);
    expect(list.text).toContain('Budi &lt;i&gt;Santoso&lt;/i&gt;');
    const page = await staff.get(`/invoices/${invoice.id}`);
    expect(page.text).toContain('Rp 100.000');
    const voided = await staff.submit(`/invoices/${invoice.id}/void`, {
      reason: 'duplicate',
      confirm: 'yes',
    });
    expect(voided.text).toContain(`Invoice ${invoice.invoiceNumber} voided.`);
    expect((await h.kit.invoices.getInvoice(invoice.id)).status).toBe('voided');
    expect(voided.text).not.toContain('/void"');
  });

  itWithKit(h, 'lists, shows and deletes a payment link (with the CSRF token of its page)', async () => {
    const link = await h.kit.paymentLinks.create({
      items: [{ name: 'Bantal <b>empuk</b>', quantity: 2, price: 95_000 }],
      title: 'Bantal',
      usageLimit: 3,
      user: { id: 'dash-owner' },
    });
    h.sim.controls.payPaymentLink(link.orderId);
    await h.settle();
    const staff = new DashboardSession(s.app, as('staff'));
    const list = await staff.get('/payment-links?status=active');
    expect(list.text).toContain(link.orderId);
    expect(list.text).toContain('1 / 3');
    const page = await staff.get(`/payment-links/${link.id}`);
    expect(page.text).toContain('Rp 190.000');
    expect(page.text).toContain('Bantal &lt;b&gt;empuk&lt;/b&gt;');
    expect(page.text).toContain(`${link.orderId}-`);
    const forged = await staff.post(`/payment-links/${link.id}/delete`, { confirm: 'yes', _csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect((await h.kit.paymentLinks.get(link.id)).status).toBe('active');
    await staff.get(`/payment-links/${link.id}`);
    const deleted = await staff.submit(`/payment-links/${link.id}/delete`, { confirm: 'yes' });
    expect(deleted.text).toContain(`Payment link ${link.orderId} deleted.`);
    expect((await h.kit.paymentLinks.get(link.id)).status).toBe('deleted');
    expect(deleted.text).not.toContain('/delete"');
  });

  itWithKit(h, 'filters invoices by status and keeps the filter on the next page', async () => {
    const due = new Date(Date.now() + 7 * 86_400_000);
    const items = [{ description: 'Topi', quantity: 1, price: 20_000 }];
    const made = [];
    for (const name of ['Ani', 'Bayu']) {
      made.push(
        (
          await h.kit.invoices.createInvoice({
            customerName: name,
            customerEmail: 'x@example.com',
            dueDate: due,
            items,
          })
        ).invoice,
      );
    }
    const small = new DashboardSession(s.appWith({ authorize: () => true, pageSize: 1 }), as('staff'));
    const first = await small.get('/invoices?status=pending');
    expect(first.text).toContain('<form method="get" action="/admin/invoices" class="filters">');
    expect(first.text).toMatch(/<option value="pending" selected>/);
    const next = /href="\/admin(\/invoices\?[^"]*)" rel="next"/
      .exec(first.text)?.[1]
      ?.replaceAll('&amp;', '&');
    expect(next).toMatch(/^\/invoices\?status=pending&cursor=/);
    const second = await small.get(next ?? '');
    expect(second.text).toContain('First page');
    expect(second.text).toContain('Total of the 1 shown');
    const voided = await small.get('/invoices?status=voided');
    for (const invoice of made) expect(voided.text).not.toContain(invoice.invoiceNumber);
  });

  itWithKit(
    h,
    'shows a subscription without its card token, and disables, enables and cancels it',
    async () => {
      const token = await savedCardToken(h.kit);
      const { subscription } = await h.kit.subscriptions.createSubscription({
        name: orderId('SUB'),
        amount: 99_000,
        paymentType: 'credit_card',
        token,
        customerDetails: { firstName: 'Sari', email: 'sari@example.com' },
      });
      const staff = new DashboardSession(s.app, as('staff'));
      expect((await staff.get('/subscriptions')).text).toContain(subscription.name);
      const page = await staff.get(`/subscriptions/${subscription.id}`);
      expect(page.text).not.toContain(token);
      const disabled = await staff.submit(`/subscriptions/${subscription.id}/disable`, { confirm: 'yes' });
      expect(disabled.text).toContain('Subscription disabled: it is now disabled.');
      const enabled = await staff.submit(`/subscriptions/${subscription.id}/enable`, { confirm: 'yes' });
      expect(enabled.text).toContain('it is now active');
      const cancelled = await staff.submit(`/subscriptions/${subscription.id}/cancel`, { confirm: 'yes' });
      expect(cancelled.text).toContain('it is now cancelled');
    },
  );
}
