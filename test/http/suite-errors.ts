/** Validation errors with their fields and reasons, and every error status of the surface. */
import { expect, it } from 'vitest';
import { TEST_SERVER_KEY } from '../support/kit-harness.js';
import { as, dueInAWeek, newOrderId, P, type Suite } from './support.js';

type Details = { field: string; reason: string }[];

async function details(res: { status: number; body: { error: { code: string; details?: Details } } }) {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('validation_error');
  return res.body.error.details ?? [];
}

/** A pending QRIS payment of the owner, to validate bodies against a record that exists. */
async function ownedPayment(s: Suite): Promise<string> {
  const orderId = newOrderId('valid');
  await as(s.app, 'owner')
    .post(`${P}/payments`)
    .send({ orderId, paymentType: 'qris', grossAmount: 10_000 })
    .expect(201);
  return orderId;
}

export function validationCases(s: Suite): void {
  it('reports every bad field of a body at once', async () => {
    const res = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({
        grossAmount: '10000',
        colour: 'red',
        customerDetails: { email: 'not-an-email', nickname: 'x' },
        itemDetails: [{ price: 1.5, quantity: 0 }],
        customFields: ['a', 'b', 'c', 'd'],
      });
    expect(await details(res)).toEqual(
      expect.arrayContaining([
        { field: 'paymentType', reason: 'is required' },
        { field: 'grossAmount', reason: 'must be integer' },
        { field: 'colour', reason: 'is not allowed' },
        { field: 'customerDetails.email', reason: 'must match format "email"' },
        { field: 'customerDetails.nickname', reason: 'is not allowed' },
        { field: 'itemDetails.0.name', reason: 'is required' },
        { field: 'itemDetails.0.price', reason: 'must be integer' },
        { field: 'itemDetails.0.quantity', reason: 'must be >= 1' },
        { field: 'customFields', reason: 'must NOT have more than 3 items' },
      ]),
    );
  });

  it('a direct call and a request meet one rule: the same fields, the same reasons, nothing written', async () => {
    const orderId = newOrderId('one-rule');
    const body = {
      orderId,
      paymentType: 'qris',
      grossAmount: 10_000,
      // A phone longer than its column once passed the route and failed the insert (a 500).
      customerDetails: { email: 'not-an-email', firstName: 'x'.repeat(300), phone: '0'.repeat(65) },
      itemDetails: [{ name: 'Kopi', price: 10_000, quantity: 1, brand: 'b'.repeat(256) }],
    };
    const overHttp = await details(await as(s.app, 'owner').post(`${P}/payments`).send(body));
    const direct = await s.h.kit.payments.createCharge({ ...body, paymentType: 'qris' }).then(
      () => undefined,
      (error: { issues?: Details }) => error.issues,
    );
    const expected = [
      { field: 'customerDetails.firstName', reason: 'must NOT have more than 255 characters' },
      { field: 'customerDetails.email', reason: 'must match format "email"' },
      { field: 'customerDetails.phone', reason: 'must NOT have more than 64 characters' },
      { field: 'itemDetails.0.brand', reason: 'must NOT have more than 255 characters' },
    ];
    const sorted = (list: Details | undefined) =>
      [...(list ?? [])].sort((a, b) => a.field.localeCompare(b.field));
    expect(sorted(overHttp)).toEqual(sorted(expected));
    expect(sorted(direct)).toEqual(sorted(expected));
    expect(await s.h.kit.store.payments.findByOrderId(orderId)).toBeUndefined();
  });

  it('Snap settings and unknown names meet one rule on both paths (they once reached Midtrans unchecked)', async () => {
    const orderId = newOrderId('snap-rule');
    const body = {
      orderId,
      grossAmount: 10_000,
      creditCard: { secure: 'yes', colour: 'red' },
      bcaVa: { vaNumber: '12ab' },
      callbacks: { finish: 'javascript:alert(1)' },
      expiry: { unit: 'fortnight', duration: 0 },
      customerDetail: { email: 'typo@example.com' },
    };
    const overHttp = await details(await as(s.app, 'owner').post(`${P}/payments/snap`).send(body));
    const direct = await s.h.kit.payments.createSnapTransaction(JSON.parse(JSON.stringify(body))).then(
      () => undefined,
      (error: { issues?: Details }) => error.issues,
    );
    const fields = (list: Details | undefined) => [...new Set((list ?? []).map((d) => d.field))].sort();
    const expected = [
      'bcaVa.vaNumber',
      'callbacks.finish',
      'creditCard.colour',
      'creditCard.secure',
      'customerDetail',
      'expiry.duration',
      'expiry.unit',
    ];
    expect(fields(overHttp)).toEqual(expected);
    expect(fields(direct)).toEqual(expected);
    expect(direct).toEqual(overHttp);
    expect(await s.h.kit.store.payments.findByOrderId(orderId)).toBeUndefined();
  });

  it('an invoice meets one rule on both paths (item description, account count, dates as Dates or text)', async () => {
    const orderId = newOrderId('inv-rule');
    const body = {
      orderId,
      customerName: 'Budi',
      customerEmail: 'budi@example.com',
      dueDate: '2000-01-01T00:00:00.000Z',
      items: [{ description: 'd'.repeat(256), quantity: 1, price: 10_000 }],
      paymentType: 'virtual_account',
      virtualAccounts: Array.from({ length: 11 }, () => ({ bank: 'bca_va' })),
      paymentLink: { colour: 'red' },
    };
    const overHttp = await details(await as(s.app, 'owner').post(`${P}/invoices`).send(body));
    const direct = await s.h.kit.invoices
      .createInvoice(
        JSON.parse(JSON.stringify({ ...body, dueDate: new Date(body.dueDate) }), (key, value) =>
          key === 'dueDate' ? new Date(value) : value,
        ),
      )
      .then(
        () => undefined,
        (error: { issues?: Details }) => error.issues,
      );
    const expected = [
      { field: 'items.0.description', reason: 'must NOT have more than 255 characters' },
      { field: 'virtualAccounts', reason: 'must NOT have more than 10 items' },
      { field: 'paymentLink.colour', reason: 'is not allowed' },
    ];
    expect(overHttp).toEqual(expected);
    expect(direct).toEqual(overHttp);
    // Once the shapes are right, the service's own rules answer the same on both paths too.
    const shaped = { ...body, items: [{ description: 'd', quantity: 1, price: 10_000 }] };
    const { paymentLink: _dropped, virtualAccounts: _also, ...rest } = shaped;
    const second = await details(
      await as(s.app, 'owner')
        .post(`${P}/invoices`)
        .send({ ...rest, paymentType: 'virtual_account' }),
    );
    expect(second).toEqual([
      { field: 'dueDate', reason: 'must be after the invoice date' },
      { field: 'virtualAccounts', reason: 'must list at least one bank for a virtual_account invoice' },
    ]);
    expect(await s.h.kit.store.invoices.findByOrderId(orderId)).toBeUndefined();
  });

  it('a subscription and its update meet one rule on both paths', async () => {
    const body = {
      name: 'GOLD PLAN',
      amount: 100_000_000_000,
      paymentType: 'gopay',
      customerDetails: { phone: '0'.repeat(65), nickname: 'x' },
      startTime: '2000-01-01T00:00:00.000Z',
    };
    const overHttp = await details(await as(s.app, 'owner').post(`${P}/subscriptions`).send(body));
    const direct = await s.h.kit.subscriptions
      .createSubscription(
        JSON.parse(JSON.stringify(body), (key, value) => (key === 'startTime' ? new Date(value) : value)),
      )
      .then(
        () => undefined,
        (error: { issues?: Details }) => error.issues,
      );
    expect(overHttp.map((d) => d.field).sort()).toEqual([
      'amount',
      'customerDetails.nickname',
      'customerDetails.phone',
      'name',
    ]);
    expect(direct).toEqual(overHttp);
    // The service's own rules (what the type needs, a start in the future) on both paths too.
    const shaped = { name: 'GOLD-PLAN', amount: 1000, paymentType: 'gopay', startTime: body.startTime };
    const second = await details(await as(s.app, 'owner').post(`${P}/subscriptions`).send(shaped));
    expect(second).toEqual([
      { field: 'gopayAccountId', reason: 'is required for gopay' },
      { field: 'startTime', reason: 'must be in the future' },
    ]);
    const update = await s.h.kit.subscriptions.updateSubscription('no-such-id', { schedule: {} }).then(
      () => undefined,
      (error: { issues?: Details }) => error.issues,
    );
    expect(update).toEqual([
      { field: 'schedule', reason: 'must change at least one of interval, startTime' },
    ]);
  });

  it('metadata is bounded by its serialised size on both paths (a direct call once stored any size)', async () => {
    const orderId = newOrderId('big-meta');
    const metadata = { note: 'x'.repeat(17 * 1024) };
    const body = { orderId, paymentType: 'qris', grossAmount: 10_000, metadata };
    const overHttp = await details(await as(s.app, 'owner').post(`${P}/payments`).send(body));
    const direct = await s.h.kit.payments.createCharge({ ...body, paymentType: 'qris' }).then(
      () => undefined,
      (error: { issues?: Details }) => error.issues,
    );
    expect(overHttp).toEqual([{ field: 'metadata', reason: 'must be under 16 KB as JSON' }]);
    expect(direct).toEqual(overHttp);
    const subscription = await s.h.kit.subscriptions
      .createSubscription({
        name: 'META',
        amount: 1000,
        paymentType: 'gopay',
        gopayAccountId: 'acc',
        metadata: { note: 'x'.repeat(1024) },
      })
      .then(
        () => undefined,
        (error: { issues?: Details }) => error.issues,
      );
    expect(subscription).toEqual([{ field: 'metadata', reason: 'must be under 1 KB as JSON' }]);
    expect(await s.h.kit.store.payments.findByOrderId(orderId)).toBeUndefined();
  });

  it('a direct call with a date that is not a Date is refused by field, like a request with bad text', async () => {
    const orderId = newOrderId('bad-date');
    const direct = await s.h.kit.payments
      .createCharge({
        orderId,
        paymentType: 'qris',
        grossAmount: 10_000,
        customExpiry: { orderTime: new Date('nonsense'), expiryDuration: 10, unit: 'minute' },
      })
      .then(
        () => undefined,
        (error: { issues?: Details }) => error.issues,
      );
    expect(direct).toEqual([{ field: 'customExpiry.orderTime', reason: 'must be a valid Date' }]);
    const overHttp = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({
        orderId,
        paymentType: 'qris',
        grossAmount: 10_000,
        customExpiry: { orderTime: 'yesterday', expiryDuration: 10, unit: 'minute' },
      });
    expect(await details(overHttp)).toEqual([
      { field: 'customExpiry.orderTime', reason: 'must match format "date-time"' },
    ]);
    expect(await s.h.kit.store.payments.findByOrderId(orderId)).toBeUndefined();
  });

  it('refuses notificationUrl from a client: only the host decides where notifications go', async () => {
    for (const path of ['/payments', '/payments/snap']) {
      const res = await as(s.app, 'owner')
        .post(`${P}${path}`)
        .send({ paymentType: 'qris', grossAmount: 10_000, notificationUrl: 'https://evil.example/hook' });
      expect(await details(res)).toContainEqual({ field: 'notificationUrl', reason: 'is not allowed' });
    }
    const mine = await s.h.kit.payments.listPayments({ user: { id: 'owner-1' }, limit: 100 });
    expect(JSON.stringify(mine.items)).not.toContain('evil.example');
  });

  it('names the allowed values of an enum', async () => {
    const res = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ paymentType: 'bitcoin', grossAmount: 1 });
    expect(await details(res)).toEqual([
      {
        field: 'paymentType',
        reason:
          'must be one of bank_transfer, echannel, credit_card, gopay, shopeepay, qris, cstore, akulaku, kredivo',
      },
    ]);
  });

  it("passes on the service's own rules with their fields", async () => {
    const mismatch = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({
        paymentType: 'qris',
        grossAmount: 10_000,
        itemDetails: [{ name: 'Kopi', price: 4_000, quantity: 2 }],
      });
    expect(await details(mismatch)).toEqual([
      { field: 'grossAmount', reason: 'must equal the sum of itemDetails (8000)' },
    ]);
    const option = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({
        paymentType: 'bank_transfer',
        grossAmount: 10_000,
        paymentOptions: { bank: 'bca', vaNumbr: '1' },
      });
    expect((await details(option)).map((d) => d.field)).toContain('paymentOptions.vaNumbr');
  });

  it('checks path parameters and query strings (coerced from text, unknown names refused)', async () => {
    const path = await as(s.app, 'owner').get(`${P}/payments/bad%20id`);
    expect(await details(path)).toEqual([
      { field: 'orderId', reason: 'must match pattern "^[A-Za-z0-9\\-_~.]+$"' },
    ]);
    const query = await as(s.app, 'owner').get(`${P}/payments?limit=0&colour=red&status=lost`);
    expect(await details(query)).toEqual(
      expect.arrayContaining([
        { field: 'limit', reason: 'must be >= 1' },
        { field: 'colour', reason: 'is not allowed' },
        { field: 'status.0', reason: expect.stringMatching(/^must be one of created, /) },
      ]),
    );
    const flag = await as(s.app, 'owner').get(`${P}/payments/${await ownedPayment(s)}?refresh=maybe`);
    expect(await details(flag)).toEqual([{ field: 'refresh', reason: 'must be boolean' }]);
  });

  it('asks who before what: a stranger or a missing record is refused before the body is read', async () => {
    const orderId = await ownedPayment(s);
    const bad = { amount: 'lots', colour: 'red' };
    const stranger = await as(s.app, 'other').post(`${P}/payments/${orderId}/refunds`).send(bad);
    expect(stranger.status).toBe(404);
    const missing = await as(s.app, 'staff').post(`${P}/payments/NOPE-1/refunds`).send(bad);
    expect(missing.status).toBe(404);
    const anonymous = await as(s.app, 'anonymous').post(`${P}/payments/${orderId}/refunds`).send(bad);
    expect(anonymous.status).toBe(401);
    const staff = await as(s.app, 'staff').post(`${P}/payments/${orderId}/refunds`).send(bad);
    expect(await details(staff)).toEqual(
      expect.arrayContaining([
        { field: 'amount', reason: 'must be integer' },
        { field: 'colour', reason: 'is not allowed' },
      ]),
    );
  });

  it('refuses a body on a route that takes none, and JSON that does not parse', async () => {
    const extra = await as(s.app, 'owner')
      .post(`${P}/payments/${await ownedPayment(s)}/cancel`)
      .send({ now: true });
    expect(await details(extra)).toEqual([
      { field: 'body', reason: 'must be empty: this route takes no body' },
    ]);
    const broken = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .set('content-type', 'application/json')
      .send('{"paymentType": "qris",');
    expect(await details(broken)).toEqual([{ field: 'body', reason: 'is not valid JSON' }]);
  });

  it('validates refund, capture, invoice and subscription bodies', async () => {
    const orderId = await ownedPayment(s);
    const refund = await as(s.app, 'staff').post(`${P}/payments/${orderId}/refunds`).send({ reason: 'x' });
    expect(await details(refund)).toEqual([
      { field: 'amount', reason: 'is required' },
      { field: 'refundKey', reason: 'is required' },
    ]);
    const capture = await as(s.app, 'staff').post(`${P}/payments/${orderId}/capture`).send({ amount: 0 });
    expect(await details(capture)).toEqual([{ field: 'amount', reason: 'must be >= 1' }]);
    const invoice = await as(s.app, 'owner')
      .post(`${P}/invoices`)
      .send({ customerName: 'Budi', customerEmail: 'budi@example.com', dueDate: 'tomorrow', items: [] });
    expect(await details(invoice)).toEqual(
      expect.arrayContaining([
        { field: 'dueDate', reason: 'must match format "date-time"' },
        { field: 'items', reason: 'must NOT have fewer than 1 items' },
      ]),
    );
    const subscribed = await as(s.app, 'owner')
      .post(`${P}/subscriptions`)
      .send({ name: 'VALID', amount: 9_000, paymentType: 'credit_card', token: 'saved-token-valid' })
      .expect(201);
    const patch = await as(s.app, 'owner')
      .patch(`${P}/subscriptions/${subscribed.body.subscription.id}`)
      .send({});
    expect(await details(patch)).toEqual([
      // The service's own rule, in the words a direct call gets too.
      { field: 'options', reason: 'must change at least one of name, amount, schedule' },
    ]);
  });
}

export function errorStatusCases(s: Suite): void {
  it('401 without a user, on every route but the webhook', async () => {
    const res = await as(s.app, 'anonymous').get(`${P}/payments`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthenticated', message: 'Sign in first' } });
  });

  it("403 for a staff action on one's own payment; 404 for someone else's, same as a missing one", async () => {
    const orderId = newOrderId('authz');
    await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId, paymentType: 'qris', grossAmount: 10_000 });
    const refund = await as(s.app, 'owner').post(`${P}/payments/${orderId}/refunds`).send({ amount: 1 });
    expect(refund.status).toBe(403);
    expect(refund.body.error.code).toBe('forbidden');
    const hidden = await as(s.app, 'other').get(`${P}/payments/${orderId}`);
    const missing = await as(s.app, 'other').get(`${P}/payments/${newOrderId('nope')}`);
    expect(hidden.status).toBe(404);
    expect(hidden.text).toBe(missing.text);
  });

  it('409 for an operation the state does not allow, and for a duplicate order id', async () => {
    const orderId = newOrderId('conflict');
    await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId, paymentType: 'qris', grossAmount: 10_000 });
    const again = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ orderId, paymentType: 'qris', grossAmount: 10_000 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    await as(s.app, 'owner').post(`${P}/payments/${orderId}/cancel`).expect(200);
    const twice = await as(s.app, 'owner').post(`${P}/payments/${orderId}/cancel`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('invalid_state');
  });

  it('413 over the body limit, declared or not; 415 for a body that is not JSON', async () => {
    const big = { paymentType: 'qris', grossAmount: 10_000, metadata: { note: 'x'.repeat(70 * 1024) } };
    const tooLarge = await as(s.app, 'owner').post(`${P}/payments`).send(big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('payload_too_large');
    const small = s.appFor(s.h.kit, { bodyLimit: 100 });
    const limited = await as(small, 'owner')
      .post(`${P}/payments`)
      .send({ ...big, metadata: { note: 'x'.repeat(200) } });
    expect(limited.status).toBe(413);
    const text = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .set('content-type', 'text/plain')
      .send('qris 10000');
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
  });

  it('502 when Midtrans refuses, naming the order that was recorded', async () => {
    s.h.sim.controls.fault({ path: '/v2/charge', kind: 'status', status: 500, times: 3 });
    const res = await as(s.app, 'owner')
      .post(`${P}/payments`)
      .send({ paymentType: 'gopay', grossAmount: 10_000 });
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('midtrans_error');
    expect(res.body.error.orderId).toMatch(/^ORDER-/);
  });

  it('503 when Midtrans cannot be reached, 504 when it does not answer in time', async () => {
    const quick = s.appFor(await s.h.createKit({ timeoutMs: 200, maxRetries: 0 }));
    s.h.sim.controls.fault({ path: '/v2/charge', kind: 'drop', times: 1 });
    const dropped = await as(quick, 'owner')
      .post(`${P}/payments`)
      .send({ paymentType: 'qris', grossAmount: 10_000 });
    expect(dropped.status).toBe(503);
    expect(dropped.body.error.code).toBe('midtrans_unreachable');
    s.h.sim.controls.fault({ path: '/v2/charge', kind: 'hang', ms: 600, times: 1 });
    const slow = await as(quick, 'owner')
      .post(`${P}/payments`)
      .send({ paymentType: 'qris', grossAmount: 10_000 });
    expect(slow.status).toBe(504);
    expect(slow.body.error.code).toBe('midtrans_timeout');
  });

  it('500 shows neither the message nor a stack nor a secret; a 4xx veto from a hook shows its words', async () => {
    const logged: unknown[][] = [];
    const failing = await s.h.createKit({
      logger: { error: (obj: unknown, msg?: string) => void logged.push([obj, msg]) },
      hooks: {
        beforeCharge: (ctx) => {
          if (ctx.request.transaction_details.gross_amount > 50_000) {
            throw Object.assign(new Error('Orders above 50,000 need a sales contact'), { status: 422 });
          }
          throw new Error(`db password hunter2, key ${TEST_SERVER_KEY}`);
        },
      },
    });
    const app = s.appFor(failing);
    const crash = await as(app, 'owner')
      .post(`${P}/payments`)
      .send({ paymentType: 'qris', grossAmount: 10_000 });
    expect(crash.status).toBe(500);
    expect(crash.body).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side' },
    });
    expect(crash.text).not.toMatch(/hunter2|SB-Mid-server|at .+\.ts/);
    // The host hears about it through the kit's logger (silent by default), never the console.
    const routeErrors = logged.filter(([, msg]) => msg === 'midtrans-kit: unexpected error in an HTTP route');
    expect(routeErrors).toHaveLength(1);
    const veto = await as(app, 'owner')
      .post(`${P}/payments`)
      .send({ paymentType: 'qris', grossAmount: 60_000 });
    expect(veto.status).toBe(422);
    expect(veto.body.error).toEqual({
      code: 'rejected',
      message: 'Orders above 50,000 need a sales contact',
    });
  });

  it('an invoice or subscription of someone else is a 404 too', async () => {
    const invoice = await s.h.kit.invoices.createInvoice({
      customerName: 'Budi',
      customerEmail: 'budi@example.com',
      dueDate: new Date(dueInAWeek()),
      items: [{ description: 'Plan', quantity: 1, price: 10_000 }],
      user: { id: 'owner-1' },
    });
    const res = await as(s.app, 'other').get(`${P}/invoices/${invoice.invoice.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: 'No such invoice' });
  });
}
