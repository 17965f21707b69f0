/** Invoices, invoice items, subscriptions, notifications, payment events: CRUD and lookups. */
import { describe, expect, it } from 'vitest';
import { fullInvoice, fullNotification, fullPayment, fullSubscription, UNICODE_TEXT } from './fixtures.js';
import type { Harness } from './harness.js';

/** Register the tests of the entities other than payments, refunds and the outbox. */
export function registerEntityTests(h: Harness): void {
  describe('invoices and items', () => {
    it('stores every invoice field, finds it by each key, updates with a version', async () => {
      const { invoices } = h.store();
      const input = fullInvoice(h.unique('INV'), h.unique('IORD'));
      const created = await invoices.insert({ ...input, midtransInvoiceId: h.unique('mi') });

      expect(created).toMatchObject({ ...input, midtransInvoiceId: created.midtransInvoiceId, version: 1 });
      expect(await invoices.findById(created.id)).toEqual(created);
      expect(await invoices.findByInvoiceNumber(input.invoiceNumber)).toEqual(created);
      expect(await invoices.findByOrderId(input.orderId)).toEqual(created);
      expect(await invoices.findByMidtransInvoiceId(String(created.midtransInvoiceId))).toEqual(created);

      const paidAt = new Date('2025-02-03T04:05:06.789Z');
      const paid = await invoices.update(created.id, { status: 'paid', paidAt }, { expectedVersion: 1 });
      expect(paid).toMatchObject({ status: 'paid', paidAt, version: 2 });
    });

    it('lists invoices by user, status and due date', async () => {
      const { invoices } = h.store();
      const user = h.unique('iu');
      const overdue = await invoices.insert({
        ...fullInvoice(h.unique('INV'), h.unique('IORD')),
        userId: user,
        dueDate: new Date('2020-01-01T00:00:00Z'),
      });
      await invoices.insert({
        ...fullInvoice(h.unique('INV'), h.unique('IORD')),
        userId: user,
        status: 'paid',
      });

      const due = await invoices.list({
        userId: user,
        status: ['pending'],
        dueBefore: new Date('2021-01-01Z'),
      });
      expect(due.items.map((i) => i.id)).toEqual([overdue.id]);
      expect((await invoices.list({ userId: user })).items).toHaveLength(2);
    });

    it('inserts lines in order, lists them by position, deletes them', async () => {
      const store = h.store();
      const invoice = await store.invoices.insert(fullInvoice(h.unique('INV'), h.unique('IORD')));
      const lines = await store.invoiceItems.insertMany(invoice.id, [
        { itemId: 'A-1', description: 'Semen 50 kg', quantity: 4, price: 65_000 },
        { description: `Ongkos kirim ${UNICODE_TEXT}`, quantity: 1, price: 40_000 },
      ]);
      const listed = await store.invoiceItems.listByInvoice(invoice.id);

      expect(listed).toEqual(lines);
      expect(listed.map((l) => [l.position, l.itemId, l.quantity, l.price])).toEqual([
        [0, 'A-1', 4, 65_000],
        [1, null, 1, 40_000],
      ]);
      expect(listed[1]?.description).toBe(`Ongkos kirim ${UNICODE_TEXT}`);
      expect(await store.invoiceItems.insertMany(invoice.id, [])).toEqual([]);
      expect(await store.invoiceItems.deleteByInvoice(invoice.id)).toBe(2);
      expect(await store.invoiceItems.listByInvoice(invoice.id)).toEqual([]);
    });
  });

  describe('subscriptions', () => {
    it('stores every field, finds by id and Midtrans id, updates and lists', async () => {
      const { subscriptions } = h.store();
      const input = fullSubscription('Premium Bulanan', h.unique('sub'));
      const created = await subscriptions.insert(input);

      expect(created).toMatchObject({ ...input, version: 1 });
      expect(await subscriptions.findById(created.id)).toEqual(created);
      expect(await subscriptions.findByMidtransId(String(input.midtransSubscriptionId))).toEqual(created);
      const next = new Date('2025-04-01T02:00:00.000Z');
      const charged = await subscriptions.update(created.id, { currentInterval: 1, nextExecutionAt: next });
      expect(charged).toMatchObject({ currentInterval: 1, nextExecutionAt: next, version: 2 });

      const minimal = await subscriptions.insert({
        name: 'Hemat',
        paymentType: 'credit_card',
        amount: 5_000,
        interval: 7,
        intervalUnit: 'day',
        userId: input.userId,
      });
      expect(minimal).toMatchObject({ status: 'active', currency: 'IDR', midtransSubscriptionId: null });
      const listed = await subscriptions.list({ userId: String(input.userId), status: 'active' });
      expect(listed.items.map((s) => s.id)).toContain(minimal.id);
    });
  });

  describe('notifications', () => {
    it('keeps the raw body byte for byte and every summary field; lists by order id and outcome', async () => {
      const store = h.store();
      const orderId = h.unique('NORD');
      const payment = await store.payments.insert(fullPayment(orderId));
      const rawBody = `{"order_id":"${orderId}",  "note":"${UNICODE_TEXT}",\n"gross_amount":"150000.00"}\r\n`;
      const input = { ...fullNotification(orderId, rawBody), paymentId: payment.id };
      const applied = await store.notifications.insert(input);
      const stale = await store.notifications.insert({
        rawBody: '{}',
        orderId,
        outcome: 'stale',
        receivedAt: new Date(input.receivedAt?.getTime() ?? 0),
      });

      expect(applied).toMatchObject(input);
      expect(applied.createdAt).toEqual(input.receivedAt);
      const read = await store.notifications.findById(applied.id);
      expect(read).toEqual(applied);
      expect(read?.rawBody).toBe(rawBody);

      const byOrder = await store.notifications.list({ orderId });
      expect(byOrder.items.map((n) => n.id).sort()).toEqual([applied.id, stale.id].sort());
      const byOutcome = await store.notifications.list({ outcome: 'stale', limit: 1000 });
      expect(byOutcome.items.map((n) => n.id)).toContain(stale.id);
      expect(byOutcome.items.every((n) => n.outcome === 'stale')).toBe(true);

      const failed = await store.notifications.update(stale.id, { outcome: 'failed', error: 'boom' });
      expect(failed).toMatchObject({ outcome: 'failed', error: 'boom', rawBody: '{}' });
      const received = await store.notifications.insert({ rawBody: 'x' });
      expect(received).toMatchObject({ outcome: 'received', signatureValid: null, headers: null });
    });
  });

  describe('notifications from a forger', () => {
    it('records a delivery whose claimed fields are huge, clipping them but keeping the raw body', async () => {
      const { notifications } = h.store();
      const orderId = `${'😈'.repeat(300)}${'x'.repeat(5000)}`;
      const rawBody = JSON.stringify({ order_id: orderId, gross_amount: '1'.repeat(400) });
      const stored = await notifications.insert({
        rawBody,
        orderId,
        grossAmount: '1'.repeat(400),
        outcome: 'rejected_signature',
        signatureValid: false,
      });
      const read = await notifications.findById(stored.id);

      expect(read).toEqual(stored);
      expect(read?.rawBody).toBe(rawBody);
      expect(read?.orderId).toBe('😈'.repeat(255));
      expect(read?.grossAmount).toBe('1'.repeat(255));
    });
  });

  describe('payment events', () => {
    it('keeps the status history of a payment in order', async () => {
      const store = h.store();
      const payment = await store.payments.insert(fullPayment(h.unique('EV')));
      const note = await store.notifications.insert({ rawBody: '{}', paymentId: payment.id });
      const at = new Date('2025-01-15T03:00:00.000Z');
      const steps = [
        { fromStatus: null, toStatus: 'created', source: 'api' },
        { fromStatus: 'created', toStatus: 'pending', source: 'api' },
        { fromStatus: 'pending', toStatus: 'paid', source: 'notification', notificationId: note.id },
        { fromStatus: 'paid', toStatus: 'refunded', source: 'manual', data: { by: 'staff 👩‍💼' } },
      ] as const;
      const written = [];
      // Same timestamp on purpose: the id must keep them in insertion order.
      for (const step of steps)
        written.push(await store.paymentEvents.insert({ paymentId: payment.id, createdAt: at, ...step }));

      const history = await store.paymentEvents.listByPayment(payment.id);
      expect(history).toEqual(written);
      expect(history.map((e) => e.toStatus)).toEqual(['created', 'pending', 'paid', 'refunded']);
      expect(history[2]?.notificationId).toBe(note.id);
      expect(history[3]?.data).toEqual({ by: 'staff 👩‍💼' });
    });
  });
}
