/** A notification that beats the charge's answer finds the record; the older answer does not undo it. */
import { expect, it } from 'vitest';
import { nodeHttpTransport } from '../../src/client/node-http-transport.js';
import type { Transport } from '../../src/client/transport.js';
import { ConflictError, MidtransNetworkError } from '../../src/errors.js';
import { describeWithKit } from '../support/kit-harness.js';
import { orderId } from './payment-helpers.js';

describeWithKit('payments: notification faster than the answer', (h) => {
  it('the customer pays before the charge answer is stored: the payment ends paid', async () => {
    let hold = true;
    // Holds the charge's answer until the customer has paid and the notification was handled.
    const slow: Transport = async (request) => {
      const response = await nodeHttpTransport(request);
      if (request.url.endsWith('/v2/charge') && hold) {
        hold = false;
        const body = JSON.parse(request.body ?? '{}') as { transaction_details: { order_id: string } };
        h.sim.controls.pay(body.transaction_details.order_id);
        await h.settle();
      }
      return response;
    };
    const kit = await h.createKit({ transport: slow }, { useForNotifications: true });
    const { payment, response } = await kit.payments.createCharge({
      paymentType: 'qris',
      grossAmount: 10_000,
    });
    expect(response.transaction_status).toBe('pending');
    expect(payment.status).toBe('paid');
    expect(payment.chargeResponse).toMatchObject({ transaction_status: 'pending' });
    const history = await kit.store.paymentEvents.listByPayment(payment.id);
    expect(history.at(-1)).toMatchObject({ toStatus: 'paid', source: 'notification' });
    expect(history.filter((e) => e.toStatus === 'paid')).toHaveLength(1);
  });

  it('a retry must repeat the charge it retries', async () => {
    let lose = 1;
    const lossy: Transport = async (request) => {
      if (request.url.endsWith('/v2/charge') && lose-- > 0) throw new Error('connect ECONNRESET');
      return nodeHttpTransport(request);
    };
    const kit = await h.createKit({ transport: lossy, maxRetries: 0 });
    const id = orderId('changed');
    await expect(
      kit.payments.createCharge({ orderId: id, paymentType: 'qris', grossAmount: 10_000 }),
    ).rejects.toBeInstanceOf(MidtransNetworkError);
    await expect(
      kit.payments.createCharge({ orderId: id, paymentType: 'qris', grossAmount: 12_000 }),
    ).rejects.toBeInstanceOf(ConflictError);
    const { payment } = await kit.payments.createCharge({
      orderId: id,
      paymentType: 'qris',
      grossAmount: 10_000,
    });
    expect(payment).toMatchObject({ status: 'pending', grossAmount: 10_000 });
  });
});
