/** Requests racing each other over HTTP: row locks on MariaDB and PostgreSQL, the write lock on SQLite. */
import { expect } from 'vitest';
import { itWithKit } from '../support/kit-harness.js';
import { as, eventually, newOrderId, P, type Suite } from './support.js';

/** A QRIS payment of 10,000 the owner has paid, as stored by the kit. */
async function paidQris(s: Suite, label: string): Promise<string> {
  const orderId = newOrderId(label);
  await as(s.app, 'owner')
    .post(`${P}/payments`)
    .send({ orderId, paymentType: 'qris', grossAmount: 10_000 })
    .expect(201);
  s.h.sim.controls.pay(orderId);
  await s.h.settle();
  return orderId;
}

export function concurrencyCases(s: Suite): void {
  itWithKit(s.h, 'the same refund sent twice at once returns money once', async () => {
    const orderId = await paidQris(s, 'race');
    const refundKey = `${orderId}-once`;
    const send = () =>
      as(s.app, 'staff').post(`${P}/payments/${orderId}/refunds`).send({ amount: 4_000, refundKey });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(answers[0]?.body.refund.id).toBe(answers[1]?.body.refund.id);
    const payment = await s.h.kit.payments.getPayment(orderId);
    expect(payment).toMatchObject({ status: 'partially_refunded', refundedAmount: 4_000, refundCount: 1 });
    expect(s.h.sim.controls.transaction(orderId)?.status.refunds).toHaveLength(1);
  });

  itWithKit(
    s.h,
    'two intents under one key at once: one refund, the other a 409 with its own words',
    async () => {
      const orderId = await paidQris(s, 'race2');
      const refundKey = `${orderId}-shared`;
      const send = (reason: string) =>
        as(s.app, 'staff')
          .post(`${P}/payments/${orderId}/refunds`)
          .send({ amount: 2_000, reason, refundKey });
      const answers = await Promise.all([send('damaged'), send('late')]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      const refused = answers.find((a) => a.status === 409);
      expect(refused?.body.error.code).toBe('conflict');
      const payment = await s.h.kit.payments.getPayment(orderId);
      expect(payment).toMatchObject({ refundedAmount: 2_000, refundCount: 1 });
    },
  );

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
