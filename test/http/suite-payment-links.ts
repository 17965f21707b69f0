/** Payment link routes over HTTP: create, list, get, delete, owner scoping, validation, a payment through the link. */
import { expect, it } from 'vitest';
import { as, OWNER_ID, P, type Suite } from './support.js';

export function paymentLinkCases(s: Suite): void {
  it('POST /payment-links, GET /payment-links(/:id), DELETE /payment-links/:id; another customer gets 404', async () => {
    const created = await as(s.app, 'owner')
      .post(`${P}/payment-links`)
      .send({
        items: [
          { itemId: 'pil-001', name: 'Pillow', quantity: 2, price: 95_000 },
          { name: 'Ongkir', quantity: 1, price: 10_000 },
        ],
        title: 'Bantal',
        usageLimit: 1,
        expiry: { startTime: new Date(Date.now() - 60_000).toISOString(), duration: 2, unit: 'days' },
        metadata: { cart: 'c-9' },
      });
    expect(created.status, created.text).toBe(201);
    const link = created.body.paymentLink;
    expect(link).toMatchObject({ status: 'active', grossAmount: 200_000, userId: OWNER_ID, usageCount: 0 });
    expect(link.paymentUrl).toMatch(/^http/);
    expect(link).not.toHaveProperty('request');
    const path = `${P}/payment-links/${link.id}`;

    expect((await as(s.app, 'owner').get(path)).body.paymentLink.id).toBe(link.id);
    expect((await as(s.app, 'owner').get(`${path}?refresh=true`)).body.paymentLink.status).toBe('active');
    const mine = await as(s.app, 'owner').get(`${P}/payment-links?limit=100`);
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(link.id);
    const theirs = await as(s.app, 'other').get(`${P}/payment-links?limit=100`);
    expect(theirs.body.items.map((item: { id: string }) => item.id)).not.toContain(link.id);

    const hidden = await as(s.app, 'other').get(path);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toMatchObject({ code: 'not_found', message: 'No such payment link' });
    expect((await as(s.app, 'other').delete(path)).status).toBe(404);

    const deleted = await as(s.app, 'owner').delete(path);
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.body.paymentLink.status).toBe('deleted');
    expect((await as(s.app, 'owner').get(path)).body.paymentLink.status).toBe('deleted');
  });

  it('a payment through the link is the owner’s payment', async () => {
    const created = await as(s.app, 'owner')
      .post(`${P}/payment-links`)
      .send({ items: [{ name: 'Plan', quantity: 1, price: 25_000 }] });
    const link = created.body.paymentLink;
    const paid = s.h.sim.controls.payPaymentLink(link.orderId);
    await s.h.settle();
    const read = await as(s.app, 'owner').get(`${P}/payments/${paid.orderId}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.payment).toMatchObject({ status: 'paid', grossAmount: 25_000, paymentLinkId: link.id });
    expect((await as(s.app, 'other').get(`${P}/payments/${paid.orderId}`)).status).toBe(404);
    const after = await as(s.app, 'owner').get(`${P}/payment-links/${link.id}`);
    expect(after.body.paymentLink).toMatchObject({ usageCount: 1, paidAmount: 25_000 });
  });

  it('bad input is a 400 naming every field, and nothing is created', async () => {
    const res = await as(s.app, 'owner')
      .post(`${P}/payment-links`)
      .send({ items: [], usageLimit: 0, expiry: { duration: 1, unit: 'weeks' }, extra: true });
    expect(res.status).toBe(400);
    const fields = (res.body.error.details as { field: string }[]).map((issue) => issue.field).sort();
    expect(fields).toEqual(['expiry.unit', 'extra', 'items', 'usageLimit']);
    const zero = await as(s.app, 'owner')
      .post(`${P}/payment-links`)
      .send({ items: [{ name: 'Free', quantity: 1, price: 0 }] });
    expect(zero.status).toBe(400);
    expect(zero.body.error.details).toEqual([{ field: 'items', reason: 'must add up to at least 1 Rupiah' }]);
  });
}
