/** The webhook engine's verdicts, each with its HTTP status and its stored record, on every database. */
import { expect, it } from 'vitest';
import { createMidtrans } from '../../src/kit.js';
import { tempSqliteFile } from '../support/databases.js';
import { fixtureText } from '../support/fixtures.js';
import { describeWithKit, TEST_SERVER_KEY } from '../support/kit-harness.js';
import { waitFor } from '../support/wait-for.js';
import {
  chargeVa,
  deliver,
  deliveriesOf,
  orderId,
  outboxEvents,
  paymentOf,
  signedBody,
  storePayment,
  vaCharge,
} from './webhook-helpers.js';

describeWithKit('webhook verdicts', (h) => {
  it('applies simulator notifications: pending, then paid, with history and one payment.paid', async () => {
    const id = orderId();
    await chargeVa(h.kit, id, 150_000);
    await h.settle();
    expect((await paymentOf(h.kit, id)).status).toBe('pending');
    h.sim.controls.pay(id);
    await h.settle();

    const payment = await paymentOf(h.kit, id);
    expect(payment.status).toBe('paid');
    const rows = await deliveriesOf(h.kit, id);
    expect(rows.map((row) => row.outcome)).toEqual(['applied', 'applied']);
    for (const row of rows) {
      expect(row).toMatchObject({ signatureValid: true, paymentId: payment.id, error: null, replayOf: null });
      expect(row.processedAt).toBeInstanceOf(Date);
      expect(row.headers).toMatchObject({ 'user-agent': 'Veritrans' });
    }
    const received = h.receiver.records.filter((record) => record.rawBody.includes(id));
    expect(received.map((record) => record.status)).toEqual([200, 200]);
    expect(rows.map((row) => row.rawBody)).toEqual(received.map((record) => record.rawBody));

    const history = await h.kit.store.paymentEvents.listByPayment(payment.id);
    expect(history.map((e) => [e.fromStatus, e.toStatus, e.source, e.notificationId])).toEqual([
      ['created', 'pending', 'notification', rows[0]?.id],
      ['pending', 'paid', 'notification', rows[1]?.id],
    ]);
    expect(await outboxEvents(h.kit, 'payment.paid', payment.id)).toHaveLength(1);
  });

  it('rejects a bad signature with 401, records it and raises notification.rejected', async () => {
    const id = orderId();
    const transactionId = await chargeVa(h.kit, id, 20_000);
    await h.settle();
    const forged = { ...signedBody(id, 'settlement', 20_000, { transaction_id: transactionId }) };
    forged.signature_key = 'f'.repeat(128);
    const result = await deliver(h.kit, forged);
    expect(result).toMatchObject({ verdict: 'rejected_signature', httpStatus: 401 });
    expect(result.notification).toMatchObject({ outcome: 'rejected_signature', signatureValid: false });
    expect((await paymentOf(h.kit, id)).status).toBe('pending');
    expect(await outboxEvents(h.kit, 'notification.rejected', result.notification?.id ?? '?')).toHaveLength(
      1,
    );
  });

  it('rejects an amount Midtrans reports differently: 200, nothing applied, event raised', async () => {
    const id = orderId();
    await storePayment(h.kit, id, 100_000);
    await h.kit.client.core.charge(vaCharge(id, 150_000));
    await h.settle();
    const [row] = await deliveriesOf(h.kit, id);
    expect(row).toMatchObject({ outcome: 'rejected_amount_mismatch', signatureValid: true });
    expect(row?.error).toContain('150000.00');
    expect(h.receiver.records.find((record) => record.rawBody.includes(id))?.status).toBe(200);
    const payment = await paymentOf(h.kit, id);
    expect(payment.status).toBe('created');
    expect(await h.kit.store.paymentEvents.listByPayment(payment.id)).toEqual([]);
    expect(await outboxEvents(h.kit, 'notification.rejected', row?.id ?? '?')).toHaveLength(1);
  });

  it('answers 404 for an order it does not know, without asking Midtrans', async () => {
    const id = orderId('NOPE');
    // Were the status call made, these faults would turn the verdict into `error`.
    h.sim.controls.fault({ kind: 'status', status: 500, path: '/v2/*/status', times: 3 });
    const result = await deliver(h.kit, signedBody(id, 'settlement', 5_000));
    h.sim.controls.clearFaults();
    expect(result).toMatchObject({ verdict: 'unknown_order', httpStatus: 404 });
    expect(result.notification).toMatchObject({ outcome: 'unknown_order', orderId: id, paymentId: null });
  });

  it('answers 400 for malformed bodies and stores each exactly as received', async () => {
    const bodies = ['not json {', '[1,2]', JSON.stringify({ order_id: 'X', status_code: 200 }), ''];
    for (const body of bodies) {
      const result = await deliver(h.kit, body);
      expect(result).toMatchObject({ verdict: 'malformed', httpStatus: 400 });
      expect(result.notification).toMatchObject({ outcome: 'malformed', rawBody: body });
      expect(result.notification?.error).toBeTruthy();
    }
    const exact = ' { "order_id" : "Ünïcode 🙏" }\r\n';
    const result = await h.kit.notifications.handle(Buffer.from(exact, 'utf8'), { 'x-one': ['a', 'b'] });
    const stored = await h.kit.store.notifications.findById(result.notification?.id ?? '?');
    expect(stored?.rawBody).toBe(exact);
    expect(stored?.headers).toEqual({ 'x-one': ['a', 'b'] });
  });

  it('answers a recurring charge of an unknown subscription with 404, and ignores a creation object', async () => {
    const fixture = fixtureText('notification-subscription-charge.json');
    const result = await deliver(h.kit, fixture);
    expect(result).toMatchObject({ verdict: 'unknown_order', httpStatus: 404 });
    expect(result.notification).toMatchObject({ outcome: 'unknown_order', rawBody: fixture });
    const created = JSON.stringify((JSON.parse(fixture) as { subscription: unknown }).subscription);
    const ignored = await deliver(h.kit, created);
    expect(ignored).toMatchObject({ verdict: 'ignored', httpStatus: 200 });
    expect(ignored.notification).toMatchObject({ outcome: 'ignored', rawBody: created });
  });

  it('answers 502 when the status call fails, and applies on Midtrans’s retry', async () => {
    const id = orderId();
    await chargeVa(h.kit, id, 30_000);
    await h.settle();
    // Three failures exhaust the client's own retries for the first delivery only.
    h.sim.controls.fault({ kind: 'status', status: 500, path: '/v2/*/status', times: 3 });
    h.sim.controls.pay(id);
    await h.settle();
    const settled = h.receiver.records.filter(
      (r) => r.rawBody.includes(id) && r.rawBody.includes('settlement'),
    );
    expect(settled.map((record) => record.status)).toEqual([502, 200]);
    const rows = await deliveriesOf(h.kit, id);
    expect(rows.map((row) => row.outcome)).toEqual(['applied', 'failed', 'applied']);
    expect(rows[1]?.error).toMatch(/MidtransApiError/);
    expect((await paymentOf(h.kit, id)).status).toBe('paid');
  });

  it('answers 502 when the delivery cannot even be stored', async () => {
    // A kit whose tables were never created: the very first insert fails.
    const broken = createMidtrans({
      serverKey: TEST_SERVER_KEY,
      apiBaseUrl: h.sim.apiUrl,
      database: {
        client: 'better-sqlite3',
        connection: { filename: tempSqliteFile() },
        useNullAsDefault: true,
      },
    });
    try {
      const result = await deliver(broken, signedBody(orderId(), 'settlement', 1_000));
      expect(result).toEqual({ verdict: 'error', httpStatus: 502, notification: null });
    } finally {
      await broken.close();
    }
  });

  it('with trustSignature applies the signed body itself: stale, duplicate and mismatch without status calls', async () => {
    const kit = await h.createKit({ trustSignature: true });
    const id = orderId('TRUST');
    await storePayment(kit, id, 50_000);
    expect(await deliver(kit, signedBody(id, 'settlement', 50_000))).toMatchObject({ verdict: 'applied' });
    const late = await deliver(kit, signedBody(id, 'pending', 50_000));
    expect(late).toMatchObject({ verdict: 'stale', httpStatus: 200 });
    expect(await deliver(kit, signedBody(id, 'settlement', 50_000))).toMatchObject({ verdict: 'duplicate' });
    expect(await deliver(kit, signedBody(id, 'refund', 60_000))).toMatchObject({
      verdict: 'amount_mismatch',
    });
    const payment = await paymentOf(kit, id);
    expect(payment.status).toBe('paid');
    const history = await kit.store.paymentEvents.listByPayment(payment.id);
    expect(history.map((e) => e.toStatus)).toEqual(['paid']);
  });

  it('answers Midtrans without waiting for the listeners, which still run once, after', async () => {
    const kit = await h.createKit({ trustSignature: true });
    const id = orderId('SLOW');
    await storePayment(kit, id, 30_000);
    // A listener that takes as long as the test says (a slow mail server, a 3-second job).
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const calls: string[] = [];
    kit.events.on('payment.paid', async (event) => {
      calls.push(`started ${event.id}`);
      await released;
      calls.push(`finished ${event.id}`);
    });
    const result = await deliver(kit, signedBody(id, 'settlement', 30_000));
    expect(result).toMatchObject({ verdict: 'applied', httpStatus: 200 });
    // The answer is out while the listener has not finished (it may not have started yet).
    expect(calls.filter((line) => line.startsWith('finished'))).toEqual([]);
    release();
    await waitFor(() => calls.length === 2, { what: 'the listener to finish' });
    const [eventId] = calls[0]?.split(' ').slice(1) ?? [];
    expect(calls).toEqual([`started ${eventId}`, `finished ${eventId}`]);
    await kit.events.dispatchPending();
    expect(calls).toHaveLength(2);
  });

  it('money reported on a payment closed without it stays final but is logged for staff', async () => {
    const alerts: string[] = [];
    const kit = await h.createKit({
      trustSignature: true,
      logger: { error: (obj, message) => alerts.push(`${message} ${JSON.stringify(obj)}`) },
    });
    const expired = orderId('CLOSED');
    await storePayment(kit, expired, 50_000);
    expect(await deliver(kit, signedBody(expired, 'expire', 50_000))).toMatchObject({ verdict: 'applied' });
    const refunded = orderId('REFUNDED');
    await storePayment(kit, refunded, 50_000);
    await deliver(kit, signedBody(refunded, 'settlement', 50_000));
    await deliver(kit, signedBody(refunded, 'refund', 50_000, { refund_amount: '50000' }));
    expect(alerts).toEqual([]);
    // Older news on a refunded payment is no alarm; money on an expired one is.
    expect(await deliver(kit, signedBody(refunded, 'settlement', 50_000))).toMatchObject({
      verdict: 'stale',
    });
    expect(alerts).toEqual([]);
    expect(await deliver(kit, signedBody(expired, 'settlement', 50_000))).toMatchObject({ verdict: 'stale' });
    expect((await paymentOf(kit, expired)).status).toBe('expired');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/money received on a payment closed without it/);
    expect(alerts[0]).toContain(expired);
    expect(alerts[0]).toContain('"reported":"paid"');
  });

  it('never attributes a subscription charge by the name in its order id (issue 17.1)', async () => {
    // Names are not unique: a payment notification that only the name could attribute is refused
    // (and retried by Midtrans) until the Recurring Notification, which names the subscription by
    // Midtrans's id, has created the payment.
    const kit = await h.createKit({ trustSignature: true });
    await kit.store.subscriptions.insert({
      name: 'PLAN_A',
      paymentType: 'credit_card',
      amount: 99_000,
      interval: 1,
      intervalUnit: 'month',
      userId: 'user-7',
    });
    const id = `PLAN_A${'0'.repeat(15)}1${'0'.repeat(15)}7`;
    const body = signedBody(id, 'capture', 99_000, { payment_type: 'credit_card' });
    const result = await deliver(kit, body);
    expect(result).toMatchObject({ verdict: 'unknown_order', httpStatus: 404 });
    expect(result.notification?.error).toMatch(/Recurring Notification/);
    expect(await kit.store.payments.findByOrderId(id)).toBeUndefined();
    expect(await outboxEvents(kit, 'payment.created', id)).toHaveLength(0);
  });
});
