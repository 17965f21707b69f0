/**
 * Partial capture (defect 6 of the outside review): capturing 50,000 of a 200,000 authorisation
 * left the record at 200,000, so a 200,000 refund was accepted, and four parallel captures all
 * answered 200. What was captured is stored, it bounds refunds, and an authorisation is captured once.
 */
import { expect, it } from 'vitest';
import { ConflictError, InvalidStateError, MidtransApiError, ValidationError } from '../../src/errors.js';
import { describeWithKit } from '../support/kit-harness.js';
import { cardToken } from './payment-helpers.js';

describeWithKit('payments: partial capture', (h) => {
  const authorised = async (amount = 200_000) => {
    const { payment } = await h.kit.payments.createCharge({
      paymentType: 'credit_card',
      grossAmount: amount,
      paymentOptions: { tokenId: await cardToken(h.kit), type: 'authorize' },
    });
    expect(payment.status).toBe('authorized');
    return payment;
  };

  it('stores what was captured; only that can be refunded, and every reader agrees', async () => {
    const payment = await authorised();
    const { payment: captured, response } = await h.kit.payments.capturePayment(payment, { amount: 50_000 });
    expect(response.gross_amount).toBe('50000.00');
    expect(captured).toMatchObject({ status: 'paid', grossAmount: 200_000, capturedAmount: 50_000 });
    expect(payment.capturedAmount).toBe(50_000);
    // Midtrans's notifications now carry the captured amount: they are applied, not refused.
    h.sim.controls.settle(payment.orderId);
    await h.settle();
    const deliveries = await h.kit.store.notifications.list({ orderId: payment.orderId, limit: 10 });
    expect(deliveries.items.map((d) => d.outcome)).not.toContain('rejected');
    expect(deliveries.items.map((d) => d.outcome)).not.toContain('failed');
    const refused = await h.kit.payments
      .refundPayment(payment.orderId, { amount: 200_000, refundKey: `${payment.id}-all` })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues[0]?.reason).toContain('at most 50000');
    const refunded = await h.kit.payments.refundPayment(payment.orderId, {
      amount: 50_000,
      refundKey: `${payment.id}-captured`,
    });
    expect(refunded.payment).toMatchObject({ status: 'refunded', refundedAmount: 50_000 });
    // The reconciler reads the same amounts from Midtrans and finds nothing to correct.
    const summary = await h.kit.reconciler.run({ olderThan: 0, settledEvery: 0, leaseMs: 0 });
    expect(summary.errors).toEqual([]);
    expect(await h.kit.payments.getPayment(payment.orderId)).toMatchObject({
      status: 'refunded',
      capturedAmount: 50_000,
      refundedAmount: 50_000,
    });
  });

  it('four captures at once with different amounts: one is captured, the others refused', async () => {
    const payment = await authorised();
    const amounts = [50_000, 60_000, 70_000, 80_000];
    const results = await Promise.allSettled(
      amounts.map((amount) => h.kit.payments.capturePayment(payment.orderId, { amount })),
    );
    const done = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(done).toHaveLength(1);
    for (const error of refused) {
      const known = error instanceof ConflictError || error instanceof InvalidStateError;
      expect(known, String(error)).toBe(true);
    }
    const stored = await h.kit.payments.getPayment(payment.orderId);
    expect(stored.capturedAmount).toBe(done[0]?.payment.capturedAmount);
    expect(h.sim.controls.transaction(payment.orderId)?.grossAmount).toBe(stored.capturedAmount);
  });

  it('the same capture sent again is a retry: one capture at Midtrans, never another amount', async () => {
    const payment = await authorised();
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => h.kit.payments.capturePayment(payment.orderId, { amount: 120_000 })),
    );
    // A copy that finds the first in flight sends its key and gets its answer; one that arrives
    // after the first was applied is told the payment is captured.
    for (const result of results) {
      if (result.status === 'fulfilled') expect(result.value.payment.capturedAmount).toBe(120_000);
      else expect(result.reason).toBeInstanceOf(InvalidStateError);
    }
    expect(results.some((result) => result.status === 'fulfilled')).toBe(true);
    expect(h.sim.controls.transaction(payment.orderId)?.grossAmount).toBe(120_000);
    await expect(h.kit.payments.capturePayment(payment.orderId, { amount: 10_000 })).rejects.toBeInstanceOf(
      InvalidStateError,
    );
    expect((await h.kit.payments.getPayment(payment.orderId)).capturedAmount).toBe(120_000);
  });

  it('a capture Midtrans refuses frees the amount: nothing was captured', async () => {
    const payment = await authorised();
    h.sim.controls.fault({ path: '/v2/capture', kind: 'status', status: 412 });
    const error = await h.kit.payments
      .capturePayment(payment.orderId, { amount: 30_000 })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(MidtransApiError);
    expect((await h.kit.store.payments.findByOrderId(payment.orderId))?.capturedAmount).toBeNull();
    // Free again: another amount may now be captured.
    const { payment: captured } = await h.kit.payments.capturePayment(payment.orderId, { amount: 40_000 });
    expect(captured).toMatchObject({ status: 'paid', capturedAmount: 40_000 });
  });

  it('a full capture records the whole amount', async () => {
    const payment = await authorised(75_000);
    const { payment: captured } = await h.kit.payments.capturePayment(payment);
    expect(captured).toMatchObject({ status: 'paid', grossAmount: 75_000, capturedAmount: 75_000 });
  });
});
