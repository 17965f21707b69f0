/** Snap: token and page, record pending, then the customer's choice and payment arrive by notification. */
import { expect, it } from 'vitest';
import { describeWithKit } from '../support/kit-harness.js';

describeWithKit('payments: Snap', (h) => {
  it('creates a token, then the customer picks GoPay and pays', async () => {
    const { payment, token, redirectUrl } = await h.kit.payments.createSnapTransaction({
      grossAmount: 30_000,
      itemDetails: [{ id: 'a', name: 'Teh', price: 15_000, quantity: 2 }],
      enabledPayments: ['gopay', 'bca_va'],
      user: { id: 'snap-user' },
    });
    expect(token).toEqual(expect.any(String));
    expect(redirectUrl).toContain(token);
    expect(payment).toMatchObject({
      status: 'pending',
      snapToken: token,
      redirectUrl,
      paymentType: null,
      userId: 'snap-user',
    });

    // The customer chooses GoPay on the Snap page.
    const chosen = await fetch(redirectUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'method=gopay',
      redirect: 'manual',
    });
    expect(chosen.status).toBe(303);
    await h.settle();
    h.sim.controls.pay(payment.orderId);
    await h.settle();
    expect(await h.kit.payments.getPayment(payment.orderId)).toMatchObject({
      status: 'paid',
      paymentType: 'gopay',
    });
  });

  it('refuses an order id that exists, and bad input, before calling Snap', async () => {
    const { payment } = await h.kit.payments.createSnapTransaction({ grossAmount: 10_000 });
    await expect(
      h.kit.payments.createSnapTransaction({ grossAmount: 10_000, orderId: payment.orderId }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(h.kit.payments.createSnapTransaction({ grossAmount: 0 })).rejects.toMatchObject({
      code: 'validation_error',
    });
  });
});
