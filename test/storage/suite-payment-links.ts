/** Payment links and their lines: every field round-trips, lookups, locking updates, lists, cascade. */
import { describe, expect, it } from 'vitest';
import type { NewPaymentLink } from '../../src/storage/index.js';
import { fullPayment, UNICODE_TEXT } from './fixtures.js';
import type { Harness } from './harness.js';

function fullLink(orderId: string, userId: string): NewPaymentLink {
  return {
    orderId,
    linkId: `${orderId.toLowerCase()}-link`,
    status: 'active',
    title: UNICODE_TEXT,
    grossAmount: 9_007_199_254_740_991,
    currency: 'IDR',
    usageLimit: 3,
    usageCount: 1,
    paidAmount: 150_000,
    startsAt: new Date('2030-01-01T00:00:00.123Z'),
    expiresAt: new Date('2030-01-02T00:00:00.456Z'),
    paymentUrl: 'https://app.sandbox.midtrans.com/payment-links/abc',
    customerFirstName: 'Budi',
    customerLastName: 'Santoso',
    customerEmail: 'budi@example.com',
    customerPhone: '+62811000000',
    userId,
    request: { transaction_details: { order_id: orderId, gross_amount: 1 } },
    response: { order_id: orderId, payment_url: 'https://x' },
    metadata: { note: UNICODE_TEXT, nested: { n: 1 } },
    lastError: null,
    deletedAt: null,
  };
}

/** Register the payment link tests. */
export function registerPaymentLinkTests(h: Harness): void {
  describe('payment links and items', () => {
    it('stores every field, finds it by id and order id, updates under a lock with a version', async () => {
      const store = h.store();
      const input = fullLink(h.unique('PLO'), 'owner-1');
      const created = await store.paymentLinks.insert(input);
      expect(created).toMatchObject({ ...input, version: 1 });
      expect(await store.paymentLinks.findById(created.id)).toEqual(created);
      expect(await store.paymentLinks.findByOrderId(input.orderId)).toEqual(created);
      const updated = await store.transaction(async (tx) => {
        const locked = await tx.paymentLinks.lockById(created.id);
        expect(locked?.usageCount).toBe(1);
        return tx.paymentLinks.update(created.id, { usageCount: 2, status: 'used' });
      });
      expect(updated).toMatchObject({ usageCount: 2, status: 'used', version: 2 });
      expect(await store.paymentLinks.findById(created.id)).toEqual(updated);
      await expect(store.paymentLinks.insert(fullLink(input.orderId, 'owner-2'))).rejects.toMatchObject({
        code: 'conflict',
      });
    });

    it('defaults a minimal link to draft, IDR, no usage', async () => {
      const created = await h.store().paymentLinks.insert({ orderId: h.unique('PLM'), grossAmount: 1000 });
      expect(created).toMatchObject({ status: 'draft', currency: 'IDR', usageCount: 0, paidAmount: 0 });
      expect(created.usageLimit).toBeNull();
    });

    it('keeps lines in order and drops them with their link', async () => {
      const store = h.store();
      const link = await store.paymentLinks.insert(fullLink(h.unique('PLI'), 'owner-1'));
      await store.paymentLinkItems.insertMany(link.id, [
        { name: 'Pillow', quantity: 2, price: 95_000, itemId: 'pil-001', brand: 'Midtrans' },
        { name: UNICODE_TEXT.slice(0, 40), quantity: 1, price: 0, category: 'Free', merchantName: 'PT. A' },
      ]);
      const lines = await store.paymentLinkItems.listByPaymentLink(link.id);
      expect(lines.map((line) => [line.position, line.name, line.price])).toEqual([
        [0, 'Pillow', 95_000],
        [1, UNICODE_TEXT.slice(0, 40), 0],
      ]);
      await store.knex(store.tables.paymentLinks).where('id', link.id).delete();
      expect(await store.paymentLinkItems.listByPaymentLink(link.id)).toEqual([]);
    });

    it("lists by owner and status, newest first, and finds a link's payments", async () => {
      const store = h.store();
      const owner = h.unique('plowner');
      const first = await store.paymentLinks.insert(fullLink(h.unique('PLL'), owner));
      const second = await store.paymentLinks.insert({
        ...fullLink(h.unique('PLL'), owner),
        status: 'deleted',
      });
      await store.paymentLinks.insert(fullLink(h.unique('PLL'), h.unique('other')));
      const mine = await store.paymentLinks.list({ userId: owner });
      expect(mine.items.map((link) => link.id)).toEqual([second.id, first.id]);
      const live = await store.paymentLinks.list({ userId: owner, status: ['active', 'used'] });
      expect(live.items.map((link) => link.id)).toEqual([first.id]);

      const paid = await store.payments.insert({
        ...fullPayment(`${first.orderId}-1-2`),
        paymentLinkId: first.id,
      });
      expect((await store.payments.listByPaymentLink(first.id)).map((p) => p.id)).toEqual([paid.id]);
      expect(await store.payments.listByPaymentLink(second.id)).toEqual([]);
    });
  });
}
