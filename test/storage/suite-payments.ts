/** Payments and refunds: every field round-trips, defaults, updates, versions, lookups. */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../src/errors.js';
import { fullPayment, fullRefund } from './fixtures.js';
import type { Harness } from './harness.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Register the payment and refund tests. */
export function registerPaymentTests(h: Harness): void {
  describe('payments', () => {
    it('stores every field and reads it back identically by id, order id and transaction id', async () => {
      const { payments } = h.store();
      const input = fullPayment(h.unique('ORD'));
      const created = await payments.insert(input);

      expect(created).toMatchObject(input);
      expect(created.id).toMatch(UUID_V7);
      expect(created.version).toBe(1);
      expect(created.createdAt).toBeInstanceOf(Date);
      expect(created.updatedAt.getTime()).toBe(created.createdAt.getTime());
      expect(await payments.findById(created.id)).toEqual(created);
      expect(await payments.findByOrderId(input.orderId)).toEqual(created);
      expect(await payments.findByTransactionId(`txn-${input.orderId}`)).toEqual(created);
      expect(await payments.hasOrderId(input.orderId)).toBe(true);
    });

    it('fills defaults and nulls for a minimal payment', async () => {
      const { payments } = h.store();
      const created = await payments.insert({ orderId: h.unique('MIN'), grossAmount: 10_000 });
      const read = await payments.findById(created.id);

      expect(read).toEqual(created);
      expect(read).toMatchObject({
        currency: 'IDR',
        status: 'created',
        refundedAmount: 0,
        refundCount: 0,
        transactionId: null,
        metadata: null,
        expiryTime: null,
        actions: null,
      });
    });

    it('returns undefined for missing rows', async () => {
      const { payments } = h.store();
      expect(await payments.findById('00000000-0000-7000-8000-000000000000')).toBeUndefined();
      expect(await payments.findByOrderId('no-such-order')).toBeUndefined();
      expect(await payments.hasOrderId('no-such-order')).toBe(false);
    });

    it('updates only the given fields, bumps the version and honours expectedVersion', async () => {
      const { payments } = h.store();
      const created = await payments.insert(fullPayment(h.unique('UPD')));
      const settled = new Date('2025-01-15T03:05:07.999Z');
      const updated = await payments.update(created.id, {
        status: 'paid',
        transactionStatus: 'settlement',
        settlementTime: settled,
        metadata: null,
        lastResponse: { transaction_status: 'settlement' },
      });

      expect(updated).toEqual({
        ...created,
        status: 'paid',
        transactionStatus: 'settlement',
        settlementTime: settled,
        metadata: null,
        lastResponse: { transaction_status: 'settlement' },
        version: 2,
        updatedAt: updated.updatedAt,
      });
      expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
      await expect(payments.update(created.id, { status: 'failed' }, { expectedVersion: 1 })).rejects.toThrow(
        ConflictError,
      );
      const third = await payments.update(created.id, { status: 'refunded' }, { expectedVersion: 2 });
      expect(third.version).toBe(3);
      expect((await payments.findById(created.id))?.status).toBe('refunded');
    });

    it('answers an update of a row locked in the transaction exactly as a read would', async () => {
      const store = h.store();
      const created = await store.payments.insert(fullPayment(h.unique('HELD')));
      const settled = new Date('2025-02-01T10:20:30.456Z');
      const inside = await store.transaction(async (tx) => {
        const locked = await tx.payments.lockById(created.id);
        const first = await tx.payments.update(created.id, {
          status: 'paid',
          settlementTime: settled,
          grossAmount: 9_007_199_254_740_991,
          lastResponse: { gross_amount: '9007199254740991.00', nested: { ok: true } },
          vaNumber: null,
        });
        const second = await tx.payments.update(created.id, { refundedAmount: 5_000, refundCount: 1 });
        await tx.payments.leaseForReconcile([created.id], settled);
        const third = await tx.payments.update(created.id, { statusMessage: 'after a bulk write' });
        return { locked, first, second, third };
      });
      expect(inside.locked).toEqual(created);
      expect(inside.first.version).toBe(2);
      expect(inside.second).toMatchObject({ version: 3, status: 'paid', refundedAmount: 5_000 });
      const read = await store.payments.findById(created.id);
      expect(inside.third).toEqual(read);
      expect(read).toMatchObject({
        version: 4,
        reconcileLeaseUntil: settled,
        grossAmount: 9_007_199_254_740_991,
      });
      await expect(
        store.transaction(async (tx) => {
          await tx.payments.lockById(created.id);
          return tx.payments.update(created.id, { status: 'failed' }, { expectedVersion: 1 });
        }),
      ).rejects.toThrow(ConflictError);
    });

    it('throws NotFoundError when updating a missing payment', async () => {
      await expect(h.store().payments.update('missing', { status: 'paid' })).rejects.toThrow(NotFoundError);
    });

    it('lists the payments of an invoice and refuses locking reads outside a transaction', async () => {
      const store = h.store();
      const invoice = await store.invoices.insert({
        invoiceNumber: h.unique('INVP'),
        orderId: h.unique('INVO'),
        totalAmount: 1,
      });
      const first = await store.payments.insert({
        orderId: h.unique('IP'),
        grossAmount: 1,
        invoiceId: invoice.id,
      });
      const second = await store.payments.insert({
        orderId: h.unique('IP'),
        grossAmount: 1,
        invoiceId: invoice.id,
      });
      expect((await store.payments.listByInvoice(invoice.id)).map((p) => p.id)).toEqual([
        first.id,
        second.id,
      ]);

      const outside = store.payments as unknown as { lockById(id: string): Promise<unknown> };
      await expect(outside.lockById(first.id)).rejects.toThrow(/inside store.transaction/);
    });
  });

  describe('refunds', () => {
    it('stores every field, finds by key, lists by payment oldest first, updates', async () => {
      const store = h.store();
      const payment = await store.payments.insert(fullPayment(h.unique('RF')));
      const input = fullRefund(payment.id, h.unique('rk'));
      const first = await store.refunds.insert(input);
      const second = await store.refunds.insert({
        paymentId: payment.id,
        refundKey: h.unique('rk'),
        amount: 1,
      });

      expect(first).toMatchObject(input);
      expect(await store.refunds.findById(first.id)).toEqual(first);
      expect(await store.refunds.findByRefundKey(input.refundKey)).toEqual(first);
      expect(second).toMatchObject({ isDirect: false, status: 'pending', reason: null, response: null });
      expect((await store.refunds.listByPayment(payment.id)).map((r) => r.id)).toEqual([first.id, second.id]);

      const failed = await store.refunds.update(second.id, { status: 'failed', statusCode: '412' });
      expect(failed).toMatchObject({ status: 'failed', statusCode: '412', amount: 1 });
    });

    it('lists refunds across payments, newest first, keyset-paged and filtered by status', async () => {
      const store = h.store();
      const a = await store.payments.insert(fullPayment(h.unique('RL')));
      const b = await store.payments.insert(fullPayment(h.unique('RL')));
      // Dated far ahead so the rows of other tests sharing the tables come after them.
      const at = (day: number) => new Date(Date.UTC(2999, 0, day));
      const oldest = await store.refunds.insert({
        paymentId: a.id,
        refundKey: h.unique('rk'),
        amount: 1,
        createdAt: at(1),
      });
      const middle = await store.refunds.insert({
        paymentId: b.id,
        refundKey: h.unique('rk'),
        amount: 2,
        status: 'failed',
        createdAt: at(2),
      });
      const newest = await store.refunds.insert({
        paymentId: a.id,
        refundKey: h.unique('rk'),
        amount: 3,
        createdAt: at(3),
      });

      const first = await store.refunds.list({ limit: 2 });
      expect(first.items.map((r) => r.id)).toEqual([newest.id, middle.id]);
      const second = await store.refunds.list({ limit: 1, cursor: first.nextCursor });
      expect(second.items.map((r) => r.id)).toEqual([oldest.id]);
      const failed = await store.refunds.list({ status: ['failed'], limit: 1000 });
      expect(failed.items.map((r) => r.id)).toContain(middle.id);
      expect(failed.items.every((r) => r.status === 'failed')).toBe(true);
      expect(
        (await store.refunds.list({ status: 'succeeded', limit: 1000 })).items.map((r) => r.id),
      ).not.toContain(middle.id);
    });

    it('refuses a refund of a payment that does not exist (foreign key)', async () => {
      await expect(
        h.store().refunds.insert({ paymentId: 'no-such-payment', refundKey: h.unique('rk'), amount: 1 }),
      ).rejects.toThrow();
    });
  });
}
