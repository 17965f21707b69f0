/**
 * Issue 17.2 over HTTP, on every database: two signed-in users and one order id. After the
 * owner's charge failed (a) or ended unknown (b), the other user's POST with that order id is a
 * 409 on `orderId` that shows nothing of the owner's record and changes nothing; the owner still
 * sees their own payment.
 */
import { expect } from 'vitest';
import { nodeHttpTransport } from '../../src/client/node-http-transport.js';
import type { Transport } from '../../src/client/transport.js';
import { describeWithKit, itWithKit } from '../support/kit-harness.js';
import { buildApp } from './apps.js';
import { as, newOrderId, OWNER_ID, P } from './support.js';

const OWNERS_CHARGE = {
  paymentType: 'bank_transfer',
  grossAmount: 150_000,
  paymentOptions: { bank: 'bni' },
  customerDetails: { firstName: 'Alice', email: 'alice@example.com', phone: '+628111111111' },
};

function expectNothingTold(res: { status: number; body: unknown; text: string }): void {
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({ error: { code: 'conflict' } });
  for (const secret of ['150000', 'Alice', 'alice@', '628111111111', 'vaNumber', 'failed', 'unknown']) {
    expect(res.text).not.toContain(secret);
  }
}

describeWithKit('http: an order id belongs to its owner', (h) => {
  itWithKit(
    h,
    "(a) after the owner's charge failed, another user's 1,000 neither takes nor pays it",
    async () => {
      const app = buildApp('express', h.kit);
      const orderId = newOrderId('own-a');
      h.sim.controls.fault({ path: '/v2/charge', kind: 'status', status: 503, times: 3 });
      const failed = await as(app, 'owner')
        .post(`${P}/payments`)
        .send({ ...OWNERS_CHARGE, orderId });
      expect(failed.status).toBe(502);
      const before = await h.kit.payments.getPayment(orderId);

      const stolen = await as(app, 'other')
        .post(`${P}/payments`)
        .send({ paymentType: 'bank_transfer', grossAmount: 1_000, paymentOptions: { bank: 'bni' }, orderId });
      expectNothingTold(stolen);
      expect(await h.kit.payments.getPayment(orderId)).toEqual(before);
      expect(h.sim.controls.transaction(orderId)).toBeUndefined();

      const own = await as(app, 'owner').get(`${P}/payments/${orderId}`);
      expect(own.status).toBe(200);
      expect(own.body.payment).toMatchObject({ status: 'failed', userId: OWNER_ID, grossAmount: 150_000 });
      expect((await as(app, 'other').get(`${P}/payments/${orderId}`)).status).toBe(404);
    },
  );

  itWithKit(
    h,
    "(b) after the owner's charge ended unknown, the same charge by another user gets nothing",
    async () => {
      let lose = 1;
      const lossy: Transport = async (request) => {
        const response = await nodeHttpTransport(request);
        if (request.url.endsWith('/v2/charge') && lose-- > 0) throw new Error('socket hang up');
        return response;
      };
      const kit = await h.createKit({ transport: lossy, maxRetries: 0 });
      const app = buildApp('express', kit);
      const orderId = newOrderId('own-b');
      const lost = await as(app, 'owner')
        .post(`${P}/payments`)
        .send({ ...OWNERS_CHARGE, orderId });
      expect(lost.status).toBeGreaterThanOrEqual(500);
      const before = await kit.payments.getPayment(orderId);
      expect(before.status).toBe('unknown');

      const same = await as(app, 'other')
        .post(`${P}/payments`)
        .send({ ...OWNERS_CHARGE, orderId });
      expectNothingTold(same);
      expect(await kit.payments.getPayment(orderId)).toEqual(before);

      // The owner's unchanged retry gets the owner's payment, once.
      const retried = await as(app, 'owner')
        .post(`${P}/payments`)
        .send({ ...OWNERS_CHARGE, orderId });
      expect(retried.status).toBe(201);
      expect(retried.body.payment).toMatchObject({ status: 'pending', userId: OWNER_ID });
      expect(retried.body.payment.vaNumber).toMatch(/^\d+$/);
      expect(h.sim.controls.transactions().filter((t) => t.orderId === orderId)).toHaveLength(1);
    },
  );
});
