/**
 * PaymentLinkService over the simulator on every database: create (record first, lines, total,
 * event), payments through the link attributed by their order id to the link and its owner, the
 * usage limit, owner-scoped reads, delete, and bad input writing nothing.
 */
import { expect } from 'vitest';
import { InvalidStateError, MidtransApiError, NotFoundError, ValidationError } from '../../src/errors.js';
import type { MidtransKit } from '../../src/kit.js';
import type { CreatePaymentLinkInput } from '../../src/services/payment-links/payment-link-schema.js';
import { describeWithKit, itWithKit } from '../support/kit-harness.js';
import { outboxEvents } from './webhook-helpers.js';

function linkInput(overrides: Partial<CreatePaymentLinkInput> = {}): CreatePaymentLinkInput {
  return {
    items: [
      { itemId: 'pil-001', name: 'Pillow', quantity: 2, price: 95_000, brand: 'Midtrans' },
      { name: 'Ongkir', quantity: 1, price: 10_000 },
    ],
    title: 'Bantal',
    customer: { firstName: 'Budi', email: 'budi@example.com' },
    user: { id: 7 },
    ...overrides,
  };
}

async function linkCount(kit: MidtransKit): Promise<number> {
  return (await kit.store.paymentLinks.list({ limit: 1000 })).items.length;
}

describeWithKit('payment links', (h) => {
  itWithKit(h, 'creates a link: record, lines, total, owner, payment URL, event', async () => {
    const link = await h.kit.paymentLinks.create(linkInput({ usageLimit: 2, metadata: { cart: 'c-1' } }));
    expect(link).toMatchObject({
      status: 'active',
      grossAmount: 200_000,
      usageLimit: 2,
      usageCount: 0,
      userId: '7',
      title: 'Bantal',
      metadata: { cart: 'c-1' },
    });
    expect(link.paymentUrl).toContain('/payment-links/');
    const items = await h.kit.paymentLinks.items(link.id);
    expect(items.map((item) => [item.position, item.name, item.quantity, item.price])).toEqual([
      [0, 'Pillow', 2, 95_000],
      [1, 'Ongkir', 1, 10_000],
    ]);
    const remote = await h.kit.client.paymentLinks.getPaymentLink(link.orderId);
    expect(remote.gross_amount).toBe(200_000);
    expect(await outboxEvents(h.kit, 'payment_link.created', link.id)).toHaveLength(1);
  });

  itWithKit(
    h,
    "payments through the link belong to the link's owner, count against it, and stop at the limit",
    async () => {
      const link = await h.kit.paymentLinks.create(linkInput({ usageLimit: 2 }));
      h.sim.controls.payPaymentLink(link.orderId);
      h.sim.controls.payPaymentLink(link.orderId);
      expect(() => h.sim.controls.payPaymentLink(link.orderId)).toThrow(/used/);
      await h.settle();
      const payments = await h.kit.paymentLinks.payments(link.id);
      expect(payments).toHaveLength(2);
      for (const payment of payments) {
        expect(payment).toMatchObject({
          status: 'paid',
          grossAmount: 200_000,
          userId: '7',
          paymentLinkId: link.id,
        });
        expect(payment.orderId.startsWith(`${link.orderId}-`)).toBe(true);
      }
      const used = await h.kit.paymentLinks.get(link.id);
      expect(used).toMatchObject({ status: 'used', usageCount: 2, paidAmount: 400_000 });
      expect(await outboxEvents(h.kit, 'payment_link.paid', link.id)).toHaveLength(2);
    },
  );

  itWithKit(h, 'a payment whose notification was lost is recovered by the reconciler, once', async () => {
    // Notifications go to h.kit; this kit never hears of the payment through its link.
    const other = await h.createKit();
    const link = await other.paymentLinks.create(linkInput({ usageLimit: 3 }));
    const paid = h.sim.controls.payPaymentLink(link.orderId);
    await h.settle();
    expect(await other.store.payments.findByOrderId(paid.orderId)).toBeUndefined();
    const first = await other.reconciler.run();
    expect(first.paymentLinks).toMatchObject({ recovered: 1, failed: 0 });
    expect(await other.store.payments.findByOrderId(paid.orderId)).toMatchObject({
      status: 'paid',
      userId: '7',
      paymentLinkId: link.id,
      grossAmount: 200_000,
    });
    expect(await other.paymentLinks.get(link.id)).toMatchObject({ usageCount: 1, paidAmount: 200_000 });
    expect((await other.reconciler.run()).paymentLinks.recovered).toBe(0);
    expect(await outboxEvents(other, 'payment_link.paid', link.id)).toHaveLength(1);
  });

  itWithKit(
    h,
    "a notification whose order id extends another system's id is refused as unknown",
    async () => {
      // The simulator knows the link; this kit does not (created straight through the client).
      await h.kit.client.paymentLinks.createPaymentLink({
        transaction_details: { order_id: 'FOREIGN-LINK', gross_amount: 5_000 },
      });
      const paid = h.sim.controls.payPaymentLink('FOREIGN-LINK');
      await h.settle();
      expect(await h.kit.store.payments.findByOrderId(paid.orderId)).toBeUndefined();
      const stored = await h.kit.store.notifications.list({ orderId: paid.orderId });
      expect(stored.items.map((n) => n.outcome)).toContain('unknown_order');
    },
  );

  itWithKit(
    h,
    'reads are owner-scoped: another owner gets NotFoundError, lists show only their own',
    async () => {
      const mine = await h.kit.paymentLinks.create(linkInput({ user: { id: 'owner-a' } }));
      await h.kit.paymentLinks.create(linkInput({ user: { id: 'owner-b' } }));
      expect((await h.kit.paymentLinks.get(mine.orderId, { id: 'owner-a' })).id).toBe(mine.id);
      await expect(h.kit.paymentLinks.get(mine.id, 'owner-b')).rejects.toBeInstanceOf(NotFoundError);
      await expect(h.kit.paymentLinks.delete(mine.id, 'owner-b')).rejects.toBeInstanceOf(NotFoundError);
      const listed = await h.kit.paymentLinks.list({ owner: 'owner-a' });
      expect(listed.items.map((link) => link.id)).toEqual([mine.id]);
    },
  );

  itWithKit(
    h,
    'delete: Midtrans refuses further payments, the record is deleted once, with one event',
    async () => {
      const link = await h.kit.paymentLinks.create(linkInput());
      const deleted = await h.kit.paymentLinks.delete(link.id, { id: 7 });
      expect(deleted).toMatchObject({ status: 'deleted' });
      expect(deleted.deletedAt).toBeInstanceOf(Date);
      expect(() => h.sim.controls.payPaymentLink(link.orderId)).toThrow(/deleted/);
      const error = await h.kit.client.paymentLinks.deletePaymentLink(link.orderId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MidtransApiError);
      expect((await h.kit.paymentLinks.delete(link.id)).version).toBe(deleted.version);
      expect(await outboxEvents(h.kit, 'payment_link.deleted', link.id)).toHaveLength(1);
    },
  );

  itWithKit(
    h,
    'bad input is one ValidationError with every field, and nothing is written or sent',
    async () => {
      const before = await linkCount(h.kit);
      const error = await h.kit.paymentLinks
        .create(
          linkInput({
            items: [{ name: 'Free', quantity: 1, price: 0 }],
            orderId: 'has space',
            usageLimit: 0,
            expiry: { duration: 1, unit: 'days', startTime: new Date(Date.now() - 3 * 86_400_000) },
          }),
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      const fields = (error as ValidationError).issues.map((issue) => issue.field).sort();
      expect(fields).toEqual(['orderId', 'usageLimit']);
      const second = await h.kit.paymentLinks
        .create(linkInput({ items: [{ name: 'Free', quantity: 1, price: 0 }] }))
        .catch((e: unknown) => e);
      expect((second as ValidationError).issues.map((issue) => issue.field)).toEqual(['items']);
      const third = await h.kit.paymentLinks
        .create(
          linkInput({
            expiry: { duration: 1, unit: 'days', startTime: new Date(Date.now() - 3 * 86_400_000) },
          }),
        )
        .catch((e: unknown) => e);
      expect((third as ValidationError).issues.map((issue) => issue.field)).toEqual(['expiry']);
      expect(await linkCount(h.kit)).toBe(before);
    },
  );

  itWithKit(
    h,
    'a refused create is failed (not deletable); an unanswered one stays draft until refresh asks',
    async () => {
      h.sim.controls.fault({ path: '/v1/payment-links', method: 'POST', kind: 'status', status: 400 });
      const refused = await h.kit.paymentLinks
        .create(linkInput({ orderId: 'PL-REFUSED' }))
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(MidtransApiError);
      expect(await h.kit.store.paymentLinks.findByOrderId('PL-REFUSED')).toMatchObject({ status: 'failed' });
      await expect(h.kit.paymentLinks.delete('PL-REFUSED')).rejects.toBeInstanceOf(InvalidStateError);

      h.sim.controls.fault({ path: '/v1/payment-links', method: 'POST', kind: 'drop' });
      const lost = await h.kit.paymentLinks
        .create(linkInput({ orderId: 'PL-LOST' }))
        .catch((e: unknown) => e);
      expect(lost).toBeInstanceOf(Error);
      expect(await h.kit.store.paymentLinks.findByOrderId('PL-LOST')).toMatchObject({ status: 'draft' });
      expect((await h.kit.paymentLinks.refresh('PL-LOST')).status).toBe('failed');
      expect(await outboxEvents(h.kit, 'payment_link.created', 'PL-LOST')).toHaveLength(0);
    },
  );
});
