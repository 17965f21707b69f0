/** `midtransFastifyKit`: the kit as a typed decorator on the host's instance, seen by its own routes. */
import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { midtransFastify, midtransFastifyKit } from '../../adapters/fastify.js';
import { describeWithKit } from '../support/kit-harness.js';

describeWithKit('fastify decorator', (h) => {
  it("the host's own route charges through app.midtrans, beside the encapsulated routes", async () => {
    const app = Fastify();
    await app.register(midtransFastifyKit(h.kit));
    await app.register(midtransFastify(h.kit), { prefix: '/midtrans' });
    app.post('/checkout', async () => {
      const { payment } = await app.midtrans.payments.createCharge({
        paymentType: 'qris',
        grossAmount: 15_000,
      });
      return { orderId: payment.orderId, status: payment.status };
    });
    app.post('/echo', async (request) => request.body);
    try {
      const res = await app.inject({ method: 'POST', url: '/checkout', payload: {} });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ orderId: string; status: string }>();
      expect(body.status).toBe('pending');
      expect((await h.kit.payments.getPayment(body.orderId)).grossAmount).toBe(15_000);
      // The host's JSON parsing is its own: the route plugin's raw-body parser did not leak out.
      const echo = await app.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
      expect(echo.json()).toEqual({ a: 1 });
      expect(app.hasDecorator('midtrans')).toBe(true);
    } finally {
      await app.close();
    }
  });
});
