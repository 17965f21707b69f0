/**
 * The webhook over HTTP: fixture-shaped bodies (the simulator's real deliveries and a wire
 * fixture re-signed), stored exactly as sent; a bad signature; a duplicate; and the three ways
 * of mounting it relative to a host's JSON parser.
 */
import type { RequestListener } from 'node:http';
import request from 'supertest';
import { beforeAll, expect, it } from 'vitest';
import { formatAmount } from '../../src/domain/money.js';
import { type SignedFields, signNotification } from '../../src/domain/signature.js';
import type { MidtransKit } from '../../src/kit.js';
import { fixture } from '../support/fixtures.js';
import { TEST_SERVER_KEY } from '../support/kit-harness.js';
import { as, eventually, newOrderId, P, type Suite } from './support.js';

const FIXTURE = fixture<SignedFields & Record<string, string>>('notification-qris-settlement.json');

/** Deliver a body over HTTP as Midtrans does. */
function deliver(app: RequestListener, path: string, raw: string) {
  return request(app)
    .post(path)
    .set('content-type', 'application/json')
    .set('user-agent', 'Veritrans')
    .send(raw);
}

export function webhookCases(s: Suite): void {
  // A kit the simulator does not notify: only our HTTP deliveries reach it.
  let kit: MidtransKit;
  let app: RequestListener;
  beforeAll(async () => {
    if ((s.h as unknown as { skipped: boolean }).skipped) return;
    kit = await s.h.createKit();
    app = s.appFor(kit);
  });

  /** A pending QRIS payment of `kit`, paid at the simulator; resolves with the simulator's own delivery. */
  async function paidElsewhere(): Promise<{ orderId: string; raw: string }> {
    const orderId = newOrderId('wh');
    await as(app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId, paymentType: 'qris', grossAmount: 75_000 })
      .expect(201);
    s.h.sim.controls.pay(orderId);
    const record = await eventually(() =>
      s.h.receiver.records.find((r) => r.rawBody.includes(orderId) && r.rawBody.includes('settlement')),
    );
    return { orderId, raw: record.rawBody };
  }

  it("applies the simulator's signed delivery, then answers a duplicate with 200, storing each as sent", async () => {
    const { orderId, raw } = await paidElsewhere();
    const first = await deliver(app, `${P}/notifications`, raw);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ verdict: 'applied' });
    expect((await kit.payments.getPayment(orderId)).status).toBe('paid');
    const again = await deliver(app, `${P}/notifications`, raw);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ verdict: 'duplicate' });
    const stored = await kit.store.notifications.list({ orderId, limit: 10 });
    expect(stored.items.map((n) => n.rawBody)).toEqual([raw, raw]);
  });

  it('applies a fixture-shaped body (re-signed, pretty-printed) and keeps its exact text', async () => {
    const orderId = newOrderId('fx');
    await as(app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId, paymentType: 'qris', grossAmount: 75_000 })
      .expect(201);
    s.h.sim.controls.pay(orderId);
    const transactionId = s.h.sim.controls.transaction(orderId)?.transactionId ?? '';
    const body = signNotification(
      { ...FIXTURE, order_id: orderId, transaction_id: transactionId, gross_amount: formatAmount(75_000) },
      TEST_SERVER_KEY,
    );
    const raw = JSON.stringify(body, null, 2);
    const res = await deliver(app, `${P}/notifications`, raw);
    expect(res.body).toEqual({ verdict: 'applied' });
    const [stored] = (await kit.store.notifications.list({ orderId, limit: 1 })).items;
    expect(stored?.rawBody).toBe(raw);
  });

  it('401 for a bad signature (applied to nothing), 400 for a malformed body, 404 for an unknown order', async () => {
    const { orderId, raw } = await paidElsewhere();
    const forged = raw.replace(/"signature_key":\s*"[0-9a-f]+"/, `"signature_key":"${'0'.repeat(128)}"`);
    const bad = await deliver(app, `${P}/notifications`, forged);
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ verdict: 'rejected_signature' });
    expect((await kit.payments.getPayment(orderId)).status).toBe('pending');
    expect((await deliver(app, `${P}/notifications`, '{"order_id": 1')).status).toBe(400);
    const stranger = signNotification({ ...FIXTURE, order_id: newOrderId('stranger') }, TEST_SERVER_KEY);
    const unknown = await deliver(app, `${P}/notifications`, JSON.stringify(stranger));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ verdict: 'unknown_order' });
  });

  it('midtransWebhook alone, on its own path before the host parser and auth, works', async () => {
    const alone = s.appFor(kit, { hostJson: 'plain', webhookPath: '/hooks/midtrans' });
    const { orderId, raw } = await paidElsewhere();
    const res = await deliver(alone, '/hooks/midtrans', raw);
    expect(res.body).toEqual({ verdict: 'applied' });
    expect((await kit.payments.getPayment(orderId)).status).toBe('paid');
  });

  // Express and Koa hand the router whatever the host's parser left; Fastify's plugin parses in its
  // own scope and the fetch handler gets the Request itself, so no host parser can take the bytes.
  const parserCanEatTheBody = s.adapter === 'express' || s.adapter === 'koa';

  it.runIf(parserCanEatTheBody)(
    "after a host's JSON parser that kept no raw bytes: JSON routes work, the webhook refuses with 502",
    async () => {
      const errors: unknown[] = [];
      const parsed = s.appFor(kit, { hostJson: 'plain', errors });
      const created = await as(parsed, 'owner')
        .post(`${P}/payments`)
        .send({ paymentType: 'qris', grossAmount: 10_000 });
      expect(created.status).toBe(201);
      const invalid = await as(parsed, 'owner').post(`${P}/payments`).send({ paymentType: 'qris' });
      expect(invalid.body.error.details).toEqual([{ field: 'grossAmount', reason: 'is required' }]);
      const { orderId, raw } = await paidElsewhere();
      const res = await deliver(parsed, `${P}/notifications`, raw);
      expect(res.status).toBe(502);
      expect(res.body.error.code).toBe('raw_body_unavailable');
      // A misconfiguration, not a client's mistake: the host hears of it.
      expect(errors).toEqual([expect.objectContaining({ code: 'raw_body_unavailable' })]);
      expect((await kit.store.notifications.list({ orderId, limit: 10 })).items).toEqual([]);
    },
  );

  it.runIf(!parserCanEatTheBody)(
    "after a host's JSON parser, JSON routes and the webhook still get the bytes as sent",
    async () => {
      const parsed = s.appFor(kit, { hostJson: 'plain' });
      const created = await as(parsed, 'owner')
        .post(`${P}/payments`)
        .send({ paymentType: 'qris', grossAmount: 10_000 });
      expect(created.status).toBe(201);
      const { orderId, raw } = await paidElsewhere();
      const res = await deliver(parsed, `${P}/notifications`, raw);
      expect(res.body).toEqual({ verdict: 'applied' });
      const [stored] = (await kit.store.notifications.list({ orderId, limit: 1 })).items;
      expect(stored?.rawBody).toBe(raw);
    },
  );

  it("after a host's JSON parser that keeps the raw bytes, the router's webhook works", async () => {
    const keeping = s.appFor(kit, { hostJson: 'keep-raw' });
    const { orderId, raw } = await paidElsewhere();
    const res = await deliver(keeping, `${P}/notifications`, raw);
    expect(res.body).toEqual({ verdict: 'applied' });
    const [stored] = (await kit.store.notifications.list({ orderId, limit: 1 })).items;
    expect(stored?.rawBody).toBe(raw);
  });
}
