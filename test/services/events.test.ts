/** The outbox dispatcher: several dispatchers at once deliver each event once. */
import { expect, it } from 'vitest';
import { withAfterCommit } from '../../src/services/core/after-commit.js';
import { createEventBus } from '../../src/services/events/events.js';
import { describeWithKit } from '../support/kit-harness.js';

describeWithKit('events: concurrent dispatchers', (h) => {
  it('two dispatchers draining one outbox deliver every event exactly once', async () => {
    const kit = await h.createKit();
    const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    const store = withAfterCommit(kit.store, silent);
    const deliveries = new Map<string, number>();
    const buses = [0, 1].map(() => {
      const bus = createEventBus({
        store,
        logger: silent,
        now: () => new Date(),
        options: { batchSize: 10 },
      });
      bus.on('payment.paid', async (event) => {
        deliveries.set(event.id, (deliveries.get(event.id) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 1));
      });
      return bus;
    });
    for (let i = 0; i < 60; i++) {
      await kit.store.outbox.insert({
        eventId: `evt-${i}`,
        type: 'payment.paid',
        payload: { payment: { orderId: `O-${i}` } },
      });
    }
    const results = await Promise.all(buses.map((bus) => bus.dispatchPending()));
    expect(results.reduce((n, r) => n + r.delivered, 0)).toBe(60);
    expect(deliveries.size).toBe(60);
    expect([...deliveries.values()].every((count) => count === 1)).toBe(true);
    expect(await kit.store.outbox.listDue()).toEqual([]);
  });
});

describeWithKit('events: listeners that change payments', (h) => {
  it('a listener may call the kit (its own events follow, no deadlock)', async () => {
    const kit = await h.createKit();
    const order: string[] = [];
    kit.events.on('payment.pending', async (event) => {
      order.push(`pending:${event.payment.paymentType}`);
      // Reacting to one payment by changing another (or the same) one from inside a listener.
      if (event.payment.paymentType === 'qris') await kit.payments.cancelPayment(event.payment.orderId);
    });
    kit.events.on('payment.cancelled', (event) => {
      order.push(`cancelled:${event.payment.paymentType}`);
    });
    const { payment } = await kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
    await kit.events.dispatchPending();
    expect(order).toEqual(['pending:qris', 'cancelled:qris']);
    expect((await kit.payments.getPayment(payment.orderId)).status).toBe('cancelled');
  }, 20_000);
});
