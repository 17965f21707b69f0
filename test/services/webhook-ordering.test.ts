/** Duplicated, out-of-order and concurrent deliveries: each real transition happens exactly once. */
import { expect, it } from 'vitest';
import { describeWithKit } from '../support/kit-harness.js';
import {
  chargeVa,
  deliver,
  deliveriesOf,
  orderId,
  outboxEvents,
  paymentOf,
  signedBody,
} from './webhook-helpers.js';

describeWithKit('webhook ordering and concurrency', (h) => {
  it('records the second copy of a duplicated delivery as duplicate', async () => {
    const id = orderId('DUP');
    await chargeVa(h.kit, id, 40_000);
    await h.settle();
    h.sim.controls.notificationFault({ kind: 'duplicate' });
    h.sim.controls.pay(id);
    await h.settle();
    const payment = await paymentOf(h.kit, id);
    expect(payment.status).toBe('paid');
    const outcomes = (await deliveriesOf(h.kit, id)).map((row) => row.outcome);
    expect(outcomes.slice(1).sort()).toEqual(['applied', 'duplicate']);
    expect(await h.kit.store.paymentEvents.listByPayment(payment.id)).toHaveLength(2);
    expect(await outboxEvents(h.kit, 'payment.paid', payment.id)).toHaveLength(1);
  });

  it('never lets a late pending overwrite settlement (simulator out-of-order fault)', async () => {
    const id = orderId('OOO');
    h.sim.controls.notificationFault({ kind: 'out-of-order' });
    await chargeVa(h.kit, id, 45_000);
    h.sim.controls.pay(id);
    await h.settle();
    const rows = await deliveriesOf(h.kit, id);
    // The held pending one is sent right after the settlement, so the two race; the status call
    // confirms settlement for both, so whichever is processed second is a duplicate.
    expect(rows.map((row) => row.transactionStatus).sort()).toEqual(['pending', 'settlement']);
    expect(rows.map((row) => row.outcome).sort()).toEqual(['applied', 'duplicate']);
    const payment = await paymentOf(h.kit, id);
    expect(payment.status).toBe('paid');
    const history = await h.kit.store.paymentEvents.listByPayment(payment.id);
    expect(history.map((e) => [e.fromStatus, e.toStatus])).toEqual([['created', 'paid']]);
    expect(await outboxEvents(h.kit, 'payment.pending', payment.id)).toHaveLength(0);
  });

  it('ignores a hand-crafted, correctly signed pending after settlement', async () => {
    const id = orderId('LATE');
    const transactionId = await chargeVa(h.kit, id, 46_000);
    h.sim.controls.pay(id);
    await h.settle();
    const late = await deliver(h.kit, signedBody(id, 'pending', 46_000, { transaction_id: transactionId }));
    expect(late).toMatchObject({ verdict: 'duplicate', httpStatus: 200 });
    expect((await paymentOf(h.kit, id)).status).toBe('paid');
  });

  it('turns 20 concurrent copies of a settlement into one transition and one payment.paid', async () => {
    const id = orderId('RACE');
    const transactionId = await chargeVa(h.kit, id, 77_000);
    await h.settle();
    let heard = 0;
    const stop = h.kit.events.on('payment.paid', (event) => {
      if (event.payload.payment.orderId === id) heard += 1;
    });
    h.sim.controls.pay(id);
    const body = signedBody(id, 'settlement', 77_000, { transaction_id: transactionId });
    const results = await Promise.all(Array.from({ length: 20 }, () => deliver(h.kit, body)));
    await h.settle();
    expect(results.every((result) => result.httpStatus === 200)).toBe(true);
    const rows = await deliveriesOf(h.kit, id);
    // 20 crafted + the simulator's pending and settlement.
    expect(rows).toHaveLength(22);
    const settlementOutcomes = rows
      .filter((row) => row.transactionStatus === 'settlement')
      .map((r) => r.outcome);
    expect(settlementOutcomes.filter((outcome) => outcome === 'applied')).toHaveLength(1);
    expect(settlementOutcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(20);
    const payment = await paymentOf(h.kit, id);
    expect(payment.status).toBe('paid');
    const history = await h.kit.store.paymentEvents.listByPayment(payment.id);
    expect(history.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      ['created', 'pending'],
      ['pending', 'paid'],
    ]);
    expect(await outboxEvents(h.kit, 'payment.paid', payment.id)).toHaveLength(1);
    await h.kit.events.dispatchPending();
    stop();
    expect(heard).toBe(1);
  });
});
