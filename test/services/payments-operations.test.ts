/** Operations through their real flows: cancel, expire, capture, approve, deny, refunds. */
import { expect, it } from 'vitest';
import { InvalidStateError, MidtransApiError, ValidationError } from '../../src/errors.js';
import { describeWithKit } from '../support/kit-harness.js';
import { waitFor } from '../support/wait-for.js';
import { cardToken } from './payment-helpers.js';

describeWithKit('payments: operations', (h) => {
  const paidCard = async (amount = 100_000) => {
    const { payment } = await h.kit.payments.createCharge({
      paymentType: 'credit_card',
      grossAmount: amount,
      paymentOptions: { tokenId: await cardToken(h.kit) },
    });
    h.sim.controls.settle(payment.orderId);
    await h.settle();
    return h.kit.payments.getPayment(payment.orderId);
  };

  it('cancels a pending payment (record given, updated in place)', async () => {
    const { payment } = await h.kit.payments.createCharge({ paymentType: 'gopay', grossAmount: 10_000 });
    const result = await h.kit.payments.cancelPayment(payment);
    expect(result.response.transaction_status).toBe('cancel');
    expect(result.payment.status).toBe('cancelled');
    expect(payment.status).toBe('cancelled');
    await h.settle();
    const events = await h.kit.store.paymentEvents.listByPayment(payment.id);
    expect(events.map((e) => e.toStatus)).toEqual(['pending', 'cancelled']);
  });

  it('expires a pending payment by order id (body 407 is an answer)', async () => {
    const { payment } = await h.kit.payments.createCharge({
      paymentType: 'bank_transfer',
      grossAmount: 10_000,
      paymentOptions: { bank: 'bni' },
    });
    const result = await h.kit.payments.expirePayment(payment.orderId);
    expect(result.response.status_code).toBe('407');
    expect(result.payment.status).toBe('expired');
  });

  it('refuses an operation Midtrans would refuse, before calling it', async () => {
    const { payment } = await h.kit.payments.createCharge({ paymentType: 'gopay', grossAmount: 10_000 });
    await expect(h.kit.payments.approvePayment(payment)).rejects.toBeInstanceOf(InvalidStateError);
    await expect(h.kit.payments.refundPayment(payment, { amount: 1 })).rejects.toBeInstanceOf(
      InvalidStateError,
    );
    await expect(h.kit.payments.capturePayment(payment)).rejects.toBeInstanceOf(InvalidStateError);
  });

  it('captures an authorisation in full, and another in part', async () => {
    const full = await h.kit.payments.createCharge({
      paymentType: 'credit_card',
      grossAmount: 200_000,
      paymentOptions: { tokenId: await cardToken(h.kit), type: 'authorize' },
    });
    expect(full.payment.status).toBe('authorized');
    const captured = await h.kit.payments.capturePayment(full.payment);
    expect(captured.payment.status).toBe('paid');
    const part = await h.kit.payments.createCharge({
      paymentType: 'credit_card',
      grossAmount: 200_000,
      paymentOptions: { tokenId: await cardToken(h.kit), type: 'authorize' },
    });
    await expect(h.kit.payments.capturePayment(part.payment, { amount: 300_000 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const partial = await h.kit.payments.capturePayment(part.payment.orderId, { amount: 150_000 });
    expect(partial.payment.status).toBe('paid');
    const history = await h.kit.store.paymentEvents.listByPayment(part.payment.id);
    expect(history.at(-1)?.data).toMatchObject({ capturedAmount: 150_000 });
  });

  it('approves and denies challenged card payments', async () => {
    const one = await h.kit.payments.createCharge({
      paymentType: 'credit_card',
      grossAmount: 100_000,
      paymentOptions: { tokenId: await cardToken(h.kit, '4511111111111117') },
    });
    expect(one.payment.status).toBe('challenge');
    expect((await h.kit.payments.approvePayment(one.payment)).payment.status).toBe('paid');
    const two = await h.kit.payments.createCharge({
      paymentType: 'credit_card',
      grossAmount: 100_000,
      paymentOptions: { tokenId: await cardToken(h.kit, '4511111111111117') },
    });
    const denied = await h.kit.payments.denyPayment(two.payment);
    expect(denied.payment.status).toBe('denied');
    await h.settle();
    expect((await h.kit.payments.getPayment(two.payment.orderId)).status).toBe('denied');
  });

  it('refunds in part, then the rest; an over-refund is refused before calling', async () => {
    const payment = await paidCard(100_000);
    const seen: string[] = [];
    const off = h.kit.events.on('payment.partially_refunded', (e) => {
      if (e.payment.id === payment.id) seen.push(`${e.id}:${e.refund?.amount}`);
    });
    const first = await h.kit.payments.refundPayment(payment, { amount: 30_000, reason: 'one cup missing' });
    expect(first.payment).toMatchObject({ status: 'partially_refunded', refundedAmount: 30_000 });
    expect(first.refund).toMatchObject({ amount: 30_000, status: 'succeeded', reason: 'one cup missing' });
    await expect(h.kit.payments.refundPayment(payment, { amount: 70_001 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const second = await h.kit.payments.refundPayment(payment.orderId, { amount: 20_000 });
    expect(second.payment).toMatchObject({ status: 'partially_refunded', refundedAmount: 50_000 });
    const last = await h.kit.payments.refundPayment(payment.orderId, { amount: 50_000 });
    expect(last.payment).toMatchObject({ status: 'refunded', refundedAmount: 100_000, refundCount: 3 });
    await h.settle();
    await h.kit.events.dispatchPending();
    off();
    expect(seen).toHaveLength(2);
    expect((await h.kit.payments.getPayment(payment.orderId)).refundedAmount).toBe(100_000);
    expect(await h.kit.store.refunds.listByPayment(payment.id)).toHaveLength(3);
  });

  it('refunds through the direct endpoint', async () => {
    const payment = await paidCard(60_000);
    const result = await h.kit.payments.refundPayment(payment, { amount: 60_000, direct: true });
    expect(result.refund.isDirect).toBe(true);
    expect(result.response.status_message).toMatch(/refund/i);
    expect(result.payment.status).toBe('refunded');
  });

  it('a repeated refund key returns the stored result and pays once', async () => {
    const payment = await paidCard(80_000);
    const first = await h.kit.payments.refundPayment(payment, {
      amount: 10_000,
      refundKey: `rk-${payment.id.slice(0, 8)}`,
    });
    const again = await h.kit.payments.refundPayment(payment, {
      amount: 10_000,
      refundKey: first.refund.refundKey,
    });
    expect(again.refund.id).toBe(first.refund.id);
    expect(again.payment.refundedAmount).toBe(10_000);
    const midtrans = h.sim.controls.transaction(payment.orderId);
    expect(midtrans?.status.refund_amount).toBe('10000.00');
  });

  it('a refund that timed out is resumed with the same key on retry', async () => {
    const payment = await paidCard(90_000);
    const quick = await h.createKit({ timeoutMs: 200, maxRetries: 0 });
    // The other kit has its own tables: give it the payment by charging there.
    const { payment: there } = await quick.payments.createCharge({
      paymentType: 'credit_card',
      grossAmount: 90_000,
      paymentOptions: { tokenId: await cardToken(quick) },
    });
    h.sim.controls.settle(there.orderId);
    await quick.payments.getStatus(there.orderId);
    h.sim.controls.fault({ path: '/v2/*/refund', kind: 'hang', ms: 600, times: 1 });
    const refundKey = `${there.orderId}-rk`;
    await expect(
      quick.payments.refundPayment(there.orderId, { amount: 5_000, refundKey }),
    ).rejects.toMatchObject({
      kind: 'timeout',
    });
    const [pending] = await quick.store.refunds.listByPayment(there.id);
    expect(pending?.status).toBe('unknown');
    // Until Midtrans is done with the hung first request, its key answers "in progress" (body
    // 202). Probe the key on an order that does not exist, which changes nothing either way.
    const key = pending?.refundKey ?? '?';
    const inProgress = () =>
      quick.client.core.refund('NO-SUCH-ORDER', { refund_key: key, amount: 1 }, { idempotencyKey: key }).then(
        () => false,
        (error: unknown) => error instanceof MidtransApiError && error.statusCode === '202',
      );
    await waitFor(async () => !(await inProgress()), { what: 'the hung refund request to end' });
    const retried = await quick.payments.refundPayment(there.orderId, { amount: 5_000, refundKey });
    expect(retried.refund.refundKey).toBe(pending?.refundKey);
    expect(retried.payment.refundedAmount).toBe(5_000);
    expect(h.sim.controls.transaction(there.orderId)?.status.refund_amount).toBe('5000.00');
    expect(payment.status).toBe('paid');
  });

  it('a refund Midtrans refuses is kept as failed and changes nothing', async () => {
    const { payment } = await h.kit.payments.createCharge({
      paymentType: 'bank_transfer',
      grossAmount: 40_000,
      paymentOptions: { bank: 'bca' },
    });
    h.sim.controls.pay(payment.orderId);
    await h.settle();
    // Midtrans does not refund bank transfers through the API (body 412).
    await expect(h.kit.payments.refundPayment(payment.orderId, { amount: 10_000 })).rejects.toBeInstanceOf(
      MidtransApiError,
    );
    const [refund] = await h.kit.store.refunds.listByPayment(payment.id);
    expect(refund).toMatchObject({ status: 'failed', statusCode: '412' });
    expect(await h.kit.payments.getPayment(payment.orderId)).toMatchObject({
      status: 'paid',
      refundedAmount: 0,
    });
  });

  it('a direct refund the provider rejects leaves the payment as it was', async () => {
    const payment = await paidCard(70_000);
    h.sim.controls.rejectNextDirectRefunds(1);
    const result = await h.kit.payments.refundPayment(payment, { amount: 70_000, direct: true });
    expect(result.refund.status).toBe('rejected');
    expect(result.payment).toMatchObject({ status: 'paid', refundedAmount: 0 });
    const again = await h.kit.payments.refundPayment(payment, { amount: 70_000, direct: true });
    expect(again.payment.status).toBe('refunded');
  });
});
