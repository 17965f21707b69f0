/** The shared harness itself: one migrated kit per database, a simulator, a receiver. */
import { expect, it } from 'vitest';
import { describeWithKit } from '../support/kit-harness.js';

describeWithKit('kit harness', (h) => {
  it('runs on the database it names, with a migrated kit and the simulator', async () => {
    const dialect = { sqlite: 'sqlite', mariadb: 'mysql', postgres: 'postgres' }[h.kind];
    expect(h.kit.store.dialect).toBe(dialect);
    expect(h.sim.apiUrl).toMatch(/^http:/);
    expect(await h.kit.store.payments.findByOrderId('nope')).toBeUndefined();
  });

  it('delivers notifications to the kit through the receiver', async () => {
    const { payment } = await h.kit.payments.createCharge({ paymentType: 'qris', grossAmount: 10_000 });
    const before = h.receiver.count;
    h.sim.controls.pay(payment.orderId);
    await h.settle();
    expect(h.receiver.count).toBeGreaterThan(before);
    expect(h.receiver.records.at(-1)?.status).toBe(200);
  });
});
