/**
 * Charges written at the same moment. On MySQL/MariaDB a locking read of a missing order id locks
 * the index gap, so two new charges deadlocked on their inserts; the record is now found with a
 * plain read, and a transaction the database still picks as a deadlock victim runs again.
 */
import { expect, it } from 'vitest';
import { describeWithKit } from '../support/kit-harness.js';
import { orderId } from './payment-helpers.js';

describeWithKit('payments: concurrent charges', (h) => {
  it('new charges written together all succeed (no deadlock victims)', async () => {
    const kit = await h.createKit();
    for (let round = 0; round < 4; round += 1) {
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          kit.payments.createCharge({
            orderId: orderId(`together-${round}-${i}`),
            paymentType: 'gopay',
            grossAmount: 10_000 + i,
          }),
        ),
      );
      const refused = results.filter((result) => result.status === 'rejected');
      expect(refused.map((result) => String(result.reason))).toEqual([]);
    }
  });

  it('the same charge sent four times at once makes one record and one Midtrans transaction', async () => {
    const kit = await h.createKit();
    const id = orderId('same-at-once');
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        kit.payments.createCharge({ orderId: id, paymentType: 'gopay', grossAmount: 25_000 }),
      ),
    );
    // A copy that finds the first in flight is a retry with its key (same answer); one that
    // arrives after the first was answered is a duplicate order id.
    const answered = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(answered.length).toBeGreaterThan(0);
    expect(new Set(answered.map(({ payment }) => payment.id)).size).toBe(1);
    expect(answered.every(({ payment }) => payment.status === 'pending')).toBe(true);
    for (const error of refused)
      expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining(id) });
    expect(h.sim.controls.transactions().filter((txn) => txn.orderId === id)).toHaveLength(1);
    const history = await kit.store.paymentEvents.listByPayment(answered[0]?.payment.id ?? '');
    expect(history.map((event) => event.toStatus)).toEqual(['pending']);
  });
});
