/** Requests racing each other over HTTP, on a database with real row locks (MariaDB). */
import { expect } from 'vitest';
import { itWithKit } from '../support/kit-harness.js';
import { as, eventually, newOrderId, P, type Suite } from './support.js';

export function concurrencyCases(s: Suite): void {
  itWithKit(s.h, 'the same refund sent twice at once returns money once', async () => {
    const orderId = newOrderId('race');
    await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId, paymentType: 'qris', grossAmount: 10_000 })
      .expect(201);
    s.h.sim.controls.pay(orderId);
    await s.h.settle();
    const send = () => as(s.app, 'staff').post(`${P}/payments/${orderId}/refunds`).send({ amount: 4_000 });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(answers[0]?.body.refund.id).toBe(answers[1]?.body.refund.id);
    const payment = await s.h.kit.payments.getPayment(orderId);
    expect(payment).toMatchObject({ status: 'partially_refunded', refundedAmount: 4_000, refundCount: 1 });
  });

  itWithKit(s.h, 'one delivery posted twice at once is applied once', async () => {
    const kit = await s.h.createKit();
    const app = s.appFor(kit);
    const orderId = newOrderId('dup');
    await as(app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId, paymentType: 'qris', grossAmount: 10_000 })
      .expect(201);
    s.h.sim.controls.pay(orderId);
    const record = await eventually(() =>
      s.h.receiver.records.find((r) => r.rawBody.includes(orderId) && r.rawBody.includes('settlement')),
    );
    const post = () =>
      as(app, 'anonymous')
        .post(`${P}/notifications`)
        .set('content-type', 'application/json')
        .send(record.rawBody);
    const answers = await Promise.all([post(), post(), post()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.body.verdict).sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    const history = await kit.store.paymentEvents.listByPayment((await kit.payments.getPayment(orderId)).id);
    expect(history.filter((e) => e.toStatus === 'paid')).toHaveLength(1);
  });
}
