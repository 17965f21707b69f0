/** Invoice and subscription routes' success paths over HTTP. */
import { expect, it } from 'vitest';
import { as, dueInAWeek, OWNER_ID, P, type Suite } from './support.js';

export function billingCases(s: Suite): void {
  it('POST /invoices, GET /invoices/:id (?refresh=true), POST /invoices/:id/void', async () => {
    const created = await as(s.app, 'owner')
      .post(`${P}/invoices`)
      .send({
        customerName: 'Budi Santoso',
        customerEmail: 'budi@example.com',
        dueDate: dueInAWeek(),
        items: [
          { description: 'Plan', quantity: 2, price: 50_000 },
          { description: 'Setup', quantity: 1, price: 25_000 },
        ],
      });
    expect(created.status).toBe(201);
    const { invoice } = created.body;
    expect(invoice).toMatchObject({ status: 'pending', totalAmount: 125_000, userId: OWNER_ID });
    expect(invoice.paymentLinkUrl).toMatch(/^http/);
    const read = await as(s.app, 'owner').get(`${P}/invoices/${invoice.id}`);
    expect(read.body.invoice.id).toBe(invoice.id);
    const refreshed = await as(s.app, 'owner').get(`${P}/invoices/${invoice.id}?refresh=true`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.invoice.status).toBe('pending');
    const voided = await as(s.app, 'staff')
      .post(`${P}/invoices/${invoice.id}/void`)
      .send({ reason: 'Issued twice' });
    expect(voided.status).toBe(200);
    expect(voided.body.invoice).toMatchObject({ status: 'voided', voidReason: 'Issued twice' });
  });

  it('POST /subscriptions, GET (?refresh=true), disable, enable, PATCH, cancel', async () => {
    const created = await as(s.app, 'owner')
      .post(`${P}/subscriptions`)
      .send({ name: 'GOLD', amount: 99_000, paymentType: 'credit_card', token: 'saved-token-gold' });
    expect(created.status).toBe(201);
    const { subscription } = created.body;
    expect(subscription).toMatchObject({ status: 'active', amount: 99_000, userId: OWNER_ID });
    expect(subscription).not.toHaveProperty('token');
    const path = `${P}/subscriptions/${subscription.id}`;
    expect((await as(s.app, 'owner').get(path)).body.subscription.id).toBe(subscription.id);
    expect((await as(s.app, 'owner').get(`${path}?refresh=true`)).body.subscription.status).toBe('active');
    expect((await as(s.app, 'owner').post(`${path}/disable`)).body.subscription.status).toBe('disabled');
    expect((await as(s.app, 'owner').post(`${path}/enable`)).body.subscription.status).toBe('active');
    const patched = await as(s.app, 'owner')
      .patch(path)
      .send({ amount: 120_000, schedule: { interval: 2 } });
    expect(patched.status).toBe(200);
    expect(patched.body.subscription).toMatchObject({ amount: 120_000, interval: 2 });
    expect((await as(s.app, 'owner').post(`${path}/cancel`)).body.subscription.status).toBe('cancelled');
  });
}
