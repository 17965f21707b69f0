/** The outbox dispatcher: several dispatchers at once deliver each event once. */
import { expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { withAfterCommit } from '../../src/services/core/after-commit.js';
import { createEventBus } from '../../src/services/events/events.js';
import { describeWithKit } from '../support/kit-harness.js';
import { waitFor } from '../support/wait-for.js';

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

describeWithKit('events: named consumers', (h) => {
  it('each named consumer gets every event once; the event is done when all have it', async () => {
    const kit = await h.createKit({ events: { pollMs: 0 } });
    const shop: string[] = [];
    const mail: string[] = [];
    kit.events.consume('shop', { 'payment.pending': (event) => void shop.push(event.payment.orderId) });
    const mailer = kit.events.consume('mail', {
      'payment.pending': (event) => void mail.push(event.payment.orderId),
    });
    const { payment } = await kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
    await kit.events.dispatchPending();
    expect(shop).toEqual([payment.orderId]);
    expect(mail).toEqual([payment.orderId]);
    expect(await kit.events.consumers()).toEqual(['mail', 'shop']);
    // A consumer that stops keeps its place: events wait for it, and are not done meanwhile.
    await mailer.stop();
    const second = await kit.payments.createCharge({ paymentType: 'qris', grossAmount: 20_000 });
    await kit.events.dispatchPending();
    expect(shop).toEqual([payment.orderId, second.payment.orderId]);
    expect(await kit.events.pending('mail')).toBe(2); // created and pending of the second charge
    const created = await kit.store.outbox.findByEventId(`${second.payment.id}:created`);
    expect(created?.deliveredAt ?? null).toBeNull();
    // Retired for good: nothing waits for it any more.
    await kit.events.removeConsumer('mail');
    expect(await kit.events.consumers()).toEqual(['shop']);
  });

  it('refuses a bad consumer name, a second consumer of one name, and bad options', async () => {
    const kit = await h.createKit();
    expect(() => kit.events.consume('', {})).toThrow(ConfigError);
    expect(() => kit.events.consume('has space', {})).toThrow(/name/);
    kit.events.consume('shop', {});
    expect(() => kit.events.consume('shop', {})).toThrow(/already runs/);
    expect(() => kit.events.consume('other', {}, { batchSize: 0 })).toThrow(/options\.batchSize/);
    expect(() => kit.events.consume('other2', {}, { pollMs: -1 })).toThrow(/options\.pollMs/);
  });
});

describeWithKit('events: retries without polling', (h) => {
  it('failed events come back on the retry timer alone, each when due', async () => {
    const kit = await h.createKit({ events: { pollMs: 0, retryBaseMs: 30, retryMaxMs: 200 } });
    const attempts = new Map<string, number>();
    // One event fails twice (retried at +30 ms, then +60 ms), another once: both must arrive
    // although one timer stands for both, and no poll runs.
    kit.events.consume('retrying', {
      'payment.pending': (event) => {
        const n = (attempts.get(event.payment.orderId) ?? 0) + 1;
        attempts.set(event.payment.orderId, n);
        const failures = event.payment.grossAmount === 10_000 ? 2 : 1;
        if (n <= failures) throw new Error(`busy (${n})`);
      },
    });
    const twice = await kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
    const once = await kit.payments.createCharge({ paymentType: 'qris', grossAmount: 20_000 });
    await waitFor(async () => (await kit.events.pending('retrying')) === 0, { what: 'every retry' });
    expect(attempts.get(twice.payment.orderId)).toBe(3);
    expect(attempts.get(once.payment.orderId)).toBe(2);
  });
});
