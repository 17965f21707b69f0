/** Unique keys surface as ConflictError naming the field, and leave a transaction usable. */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/errors.js';
import { fullInvoice, fullPayment, fullSubscription } from './fixtures.js';
import type { Harness } from './harness.js';

async function conflictMessage(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ConflictError);
  return error instanceof Error ? error.message : '';
}

/** Register the unique-key tests. */
export function registerConflictTests(h: Harness): void {
  describe('unique keys', () => {
    it('order id and transaction id of payments', async () => {
      const { payments } = h.store();
      const orderId = h.unique('DUP');
      await payments.insert(fullPayment(orderId));

      expect(await conflictMessage(payments.insert({ orderId, grossAmount: 1 }))).toMatch(/orderId "DUP-/);
      const sameTxn = payments.insert({
        orderId: h.unique('DUP2'),
        grossAmount: 1,
        transactionId: `txn-${orderId}`,
      });
      expect(await conflictMessage(sameTxn)).toMatch(/transactionId/);
      const other = await payments.insert({ orderId: h.unique('DUP3'), grossAmount: 1 });
      expect(await conflictMessage(payments.update(other.id, { orderId }))).toMatch(/orderId/);
    });

    it('a caller-given id that is taken', async () => {
      const { payments } = h.store();
      const first = await payments.insert({ orderId: h.unique('ID'), grossAmount: 1 });
      expect(
        await conflictMessage(payments.insert({ id: first.id, orderId: h.unique('ID'), grossAmount: 1 })),
      ).toMatch(/\bid\b/);
    });

    it('refund key, invoice number, invoice order id, subscription id, outbox event id', async () => {
      const store = h.store();
      const payment = await store.payments.insert({ orderId: h.unique('RK'), grossAmount: 10 });
      const refundKey = h.unique('rk');
      await store.refunds.insert({ paymentId: payment.id, refundKey, amount: 1 });
      expect(
        await conflictMessage(store.refunds.insert({ paymentId: payment.id, refundKey, amount: 2 })),
      ).toMatch(/refundKey/);

      const invoice = fullInvoice(h.unique('INV'), h.unique('IORD'));
      await store.invoices.insert({ ...invoice, midtransInvoiceId: null });
      const sameNumber = store.invoices.insert({
        ...invoice,
        orderId: h.unique('IORD'),
        midtransInvoiceId: null,
      });
      expect(await conflictMessage(sameNumber)).toMatch(/invoiceNumber/);
      const sameOrder = store.invoices.insert({
        ...invoice,
        invoiceNumber: h.unique('INV'),
        midtransInvoiceId: null,
      });
      expect(await conflictMessage(sameOrder)).toMatch(/orderId/);

      const midtransId = h.unique('sub');
      await store.subscriptions.insert(fullSubscription('A', midtransId));
      expect(await conflictMessage(store.subscriptions.insert(fullSubscription('B', midtransId)))).toMatch(
        /midtransSubscriptionId/,
      );

      const eventId = h.unique('evt');
      await store.outbox.insert({ eventId, type: 't', payload: {} });
      expect(await conflictMessage(store.outbox.insert({ eventId, type: 't', payload: {} }))).toMatch(
        /eventId/,
      );
    });

    it('allows many payments without a transaction id (NULL is not a duplicate)', async () => {
      const { payments } = h.store();
      await payments.insert({ orderId: h.unique('NULLTX'), grossAmount: 1 });
      await expect(payments.insert({ orderId: h.unique('NULLTX'), grossAmount: 1 })).resolves.toBeDefined();
    });

    it('leaves a transaction usable after a conflict (PostgreSQL runs the insert in a savepoint)', async () => {
      const store = h.store();
      const orderId = h.unique('TXC');
      await store.payments.insert({ orderId, grossAmount: 1 });
      const survivor = h.unique('TXC');
      await store.transaction(async (tx) => {
        await expect(tx.payments.insert({ orderId, grossAmount: 2 })).rejects.toThrow(ConflictError);
        await tx.payments.insert({ orderId: survivor, grossAmount: 3 });
      });
      expect((await store.payments.findByOrderId(survivor))?.grossAmount).toBe(3);
      expect((await store.payments.findByOrderId(orderId))?.grossAmount).toBe(1);
    });
  });
}
