/** Every payment route's success path, over HTTP. */
import { expect, it } from 'vitest';
import { as, cardToken, newOrderId, OWNER_ID, P, type Suite } from './support.js';

export function paymentCases(s: Suite): void {
  it('POST /payments charges for the signed-in user and shows what the customer needs', async () => {
    const res = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ paymentType: 'bank_transfer', grossAmount: 150_000, paymentOptions: { bank: 'bca' } });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.payment).toMatchObject({
      status: 'pending',
      bank: 'bca',
      grossAmount: 150_000,
      userId: OWNER_ID,
    });
    expect(res.body.payment.vaNumber).toMatch(/^\d+$/);
    // Internal bookkeeping never leaves the server.
    for (const field of [
      'idempotencyKey',
      'reconcileLeaseUntil',
      'chargeRequest',
      'lastResponse',
      'version',
    ]) {
      expect(res.body.payment).not.toHaveProperty(field);
    }
  });

  it('a user field in the body cannot charge on behalf of someone else', async () => {
    const res = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ paymentType: 'qris', grossAmount: 10_000, user: { id: 'victim' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({ field: 'user', reason: 'is not allowed' });
  });

  it('POST /payments/snap returns the token and the hosted page', async () => {
    const res = await as(s.app, 'owner').post(`${P}/payments/snap`).send({ grossAmount: 75_000 });
    expect(res.status).toBe(201);
    expect(res.body.token).toEqual(expect.any(String));
    expect(res.body.redirectUrl).toMatch(/^http/);
    expect(res.body.payment).toMatchObject({
      status: 'pending',
      userId: OWNER_ID,
      snapToken: res.body.token,
    });
  });

  it("GET /payments lists the user's own payments, cursor-paged and filtered", async () => {
    const app = s.appFor(await s.h.createKit());
    for (const grossAmount of [10_000, 11_000, 12_000]) {
      await as(app, 'owner').post(`${P}/payments`).send({ paymentType: 'qris', grossAmount }).expect(201);
    }
    await as(app, 'other')
      .post(`${P}/payments`)
      .send({ paymentType: 'qris', grossAmount: 13_000 })
      .expect(201);
    const first = await as(app, 'owner').get(`${P}/payments?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((p: { grossAmount: number }) => p.grossAmount)).toEqual([12_000, 11_000]);
    const second = await as(app, 'owner')
      .get(`${P}/payments`)
      .query({ limit: 2, cursor: first.body.nextCursor });
    expect(second.body.items.map((p: { grossAmount: number }) => p.grossAmount)).toEqual([10_000]);
    expect(second.body.nextCursor).toBeNull();
    const filtered = await as(app, 'owner').get(`${P}/payments?status=paid&status=cancelled`);
    expect(filtered.body.items).toEqual([]);
    const one = await as(app, 'owner').get(`${P}/payments?status=pending`);
    expect(one.body.items).toHaveLength(3);
  });

  it('GET /payments/:orderId reads the stored payment; ?refresh=true asks Midtrans first', async () => {
    // A kit the simulator does not notify, so only the refresh can learn of the payment.
    const app = s.appFor(await s.h.createKit());
    const orderId = newOrderId('get');
    await as(app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId, paymentType: 'gopay', grossAmount: 20_000 })
      .expect(201);
    s.h.sim.controls.pay(orderId);
    const stored = await as(app, 'owner').get(`${P}/payments/${orderId}`);
    expect(stored.status).toBe(200);
    expect(stored.body.payment.status).toBe('pending');
    const refreshed = await as(app, 'owner').get(`${P}/payments/${orderId}?refresh=true`);
    expect(refreshed.body.payment.status).toBe('paid');
  });

  it('GET ?refresh=true of a Snap payment Midtrans does not know yet answers the stored record', async () => {
    const created = await as(s.app, 'owner').post(`${P}/payments/snap`).send({ grossAmount: 30_000 });
    expect(created.status).toBe(201);
    const orderId = created.body.payment.orderId;
    const refreshed = await as(s.app, 'owner').get(`${P}/payments/${orderId}?refresh=true`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.payment).toMatchObject({ orderId, status: 'pending', grossAmount: 30_000 });
  });

  it('a refusal Midtrans bases on the transaction state is a 409, not a 5xx', async () => {
    const orderId = newOrderId('settled');
    await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId, paymentType: 'qris', grossAmount: 10_000 })
      .expect(201);
    // Paid at Midtrans, but the kit has not heard: locally it may still be expired, Midtrans refuses.
    s.h.sim.controls.fault({ path: `/v2/${orderId}/expire`, kind: 'status', status: 412, times: 1 });
    const refused = await as(s.app, 'staff').post(`${P}/payments/${orderId}/expire`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('midtrans_refused');
  });

  it('POST /payments/:orderId/cancel (owner) and /expire (staff)', async () => {
    const one = newOrderId('cancel');
    const two = newOrderId('expire');
    await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId: one, paymentType: 'qris', grossAmount: 10_000 });
    await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId: two, paymentType: 'qris', grossAmount: 10_000 });
    const cancelled = await as(s.app, 'owner').post(`${P}/payments/${one}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.payment.status).toBe('cancelled');
    const expired = await as(s.app, 'staff').post(`${P}/payments/${two}/expire`);
    expect(expired.status).toBe(200);
    expect(expired.body.payment.status).toBe('expired');
  });

  it('POST /payments/:orderId/capture captures an authorised card payment (staff)', async () => {
    const orderId = newOrderId('capture');
    const created = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({
        orderId,
        paymentType: 'credit_card',
        grossAmount: 200_000,
        paymentOptions: { tokenId: await cardToken(s.h.kit), type: 'authorize' },
      });
    expect(created.body.payment.status).toBe('authorized');
    const captured = await as(s.app, 'staff')
      .post(`${P}/payments/${orderId}/capture`)
      .send({ amount: 200_000 });
    expect(captured.status).toBe(200);
    expect(captured.body.payment.status).toBe('paid');
  });

  it('POST /payments/:orderId/refunds refunds in part, then the rest (staff)', async () => {
    const orderId = newOrderId('refund');
    await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId, paymentType: 'qris', grossAmount: 10_000 });
    s.h.sim.controls.pay(orderId);
    await s.h.settle();
    const part = await as(s.app, 'staff')
      .post(`${P}/payments/${orderId}/refunds`)
      .send({ amount: 3_000, reason: 'damaged', refundKey: `${orderId}-part` });
    expect(part.status).toBe(201);
    expect(part.body.payment).toMatchObject({ status: 'partially_refunded', refundedAmount: 3_000 });
    expect(part.body.refund).toMatchObject({ amount: 3_000, reason: 'damaged', status: 'succeeded' });
    // The same intent again (a retry, a double submit) answers the same refund.
    const again = await as(s.app, 'staff')
      .post(`${P}/payments/${orderId}/refunds`)
      .send({ amount: 3_000, reason: 'damaged', refundKey: `${orderId}-part` });
    expect(again.status).toBe(201);
    expect(again.body.refund.id).toBe(part.body.refund.id);
    // Another intent under that key is refused, not merged into the first one's answer.
    const reused = await as(s.app, 'staff')
      .post(`${P}/payments/${orderId}/refunds`)
      .send({ amount: 2_000, reason: 'late', refundKey: `${orderId}-part` });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('conflict');
    const rest = await as(s.app, 'staff')
      .post(`${P}/payments/${orderId}/refunds`)
      .send({ amount: 7_000, refundKey: `${orderId}-rest` });
    expect(rest.body.payment).toMatchObject({ status: 'refunded', refundedAmount: 10_000 });
  });

  it('POST /payments/:orderId/approve and /deny decide challenged card payments (staff)', async () => {
    const ids = [newOrderId('approve'), newOrderId('deny')];
    for (const orderId of ids) {
      const res = await as(s.app, 'owner')
        .post(`${P}/payments`)
        .send({
          orderId,
          paymentType: 'credit_card',
          grossAmount: 50_000,
          paymentOptions: { tokenId: await cardToken(s.h.kit, '4511111111111117') },
        });
      expect(res.body.payment.status).toBe('challenge');
    }
    const approved = await as(s.app, 'staff').post(`${P}/payments/${ids[0]}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.payment.status).toBe('paid');
    const denied = await as(s.app, 'staff').post(`${P}/payments/${ids[1]}/deny`);
    expect(denied.status).toBe(200);
    expect(denied.body.payment.status).toBe('denied');
  });
}
