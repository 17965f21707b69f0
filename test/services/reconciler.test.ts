/**
 * The reconciler against the simulator. Each test uses a kit of its own: the simulator's
 * notifications go to h.kit, so these payments change only through the reconciler.
 */
import { expect, it } from 'vitest';
import { nodeHttpTransport, type Transport } from '../../src/client/index.js';
import { MidtransNetworkError, ValidationError } from '../../src/errors.js';
import { statementTapOf } from '../../src/storage/statement-tap.js';
import { describeWithKit } from '../support/kit-harness.js';
import { waitFor } from '../support/wait-for.js';
import { orderId, paymentOf, storePayment, vaCharge } from './webhook-helpers.js';

const MINUTE = 60_000;
// `olderThan: 0` takes rows updated strictly before now: wait (polling) until the clock has moved
// past the moment the test's last write happened.
const clockPast = () => {
  const written = Date.now();
  return waitFor(() => Date.now() > written, { intervalMs: 1, what: 'the clock to move on' });
};

describeWithKit('reconciler', (h) => {
  it('resolves unknown payments from Midtrans: paid and pending, and its events reach the listeners', async () => {
    const kit = await h.createKit();
    const paid = orderId('REC');
    const open = orderId('REC');
    for (const id of [paid, open]) {
      await storePayment(kit, id, 25_000, { status: 'unknown' });
      // The charge reached Midtrans but its answer was lost: that is what `unknown` means.
      await kit.client.core.charge(vaCharge(id, 25_000));
    }
    h.sim.controls.pay(paid);
    let heard = 0;
    kit.events.on('payment.paid', (event) => {
      if (event.payload.payment.orderId === paid) heard += 1;
    });
    await clockPast();
    const summary = await kit.reconciler.run({ olderThan: 0 });
    expect(summary).toMatchObject({ examined: 2, updated: 2, unchanged: 0, failed: 0, errors: [] });
    expect((await paymentOf(kit, paid)).status).toBe('paid');
    expect((await paymentOf(kit, open)).status).toBe('pending');
    const history = await kit.store.paymentEvents.listByPayment((await paymentOf(kit, paid)).id);
    expect(history.map((e) => [e.fromStatus, e.toStatus, e.source])).toEqual([
      ['unknown', 'paid', 'reconciler'],
    ]);
    // The run does not wait for consumers: they are nudged after each commit.
    await kit.events.dispatchPending();
    expect(heard).toBe(1);

    // Checked payments are leased: an immediate second run passes over the still-pending one.
    expect(await kit.reconciler.run({ olderThan: 0 })).toMatchObject({ examined: 0 });
    await h.settle();
  });

  it('resolves a charge whose answer was lost: PaymentService → unknown → pending → paid', async () => {
    // Midtrans creates the charge; its answer is lost on the way back.
    let lose = 1;
    const lossy: Transport = async (request) => {
      const response = await nodeHttpTransport(request);
      if (request.url.endsWith('/v2/charge') && lose-- > 0) throw new Error('socket hang up');
      return response;
    };
    const kit = await h.createKit({ transport: lossy, maxRetries: 0 });
    const id = orderId('LOSSY');
    await expect(
      kit.payments.createCharge({ orderId: id, paymentType: 'gopay', grossAmount: 10_000 }),
    ).rejects.toBeInstanceOf(MidtransNetworkError);
    expect((await paymentOf(kit, id)).status).toBe('unknown');
    await clockPast();
    expect(await kit.reconciler.run({ olderThan: 0, leaseMs: 0 })).toMatchObject({ examined: 1, updated: 1 });
    expect((await paymentOf(kit, id)).status).toBe('pending');
    h.sim.controls.pay(id);
    await clockPast();
    expect(await kit.reconciler.run({ olderThan: 0, leaseMs: 0 })).toMatchObject({ examined: 1, updated: 1 });
    expect((await paymentOf(kit, id)).status).toBe('paid');
    await h.settle();
  });

  it('fails a charge Midtrans never got, once the idempotency window has passed', async () => {
    const kit = await h.createKit({ maxRetries: 0 });
    const recent = orderId('LOST');
    const old = orderId('LOST');
    h.sim.controls.fault({ kind: 'drop', path: '/v2/charge', times: 2 });
    for (const id of [recent, old]) {
      await expect(kit.client.core.charge(vaCharge(id, 9_000))).rejects.toThrow(MidtransNetworkError);
    }
    await storePayment(kit, recent, 9_000, { status: 'unknown', createdAt: new Date(Date.now() - MINUTE) });
    await storePayment(kit, old, 9_000, { status: 'unknown', createdAt: new Date(Date.now() - 6 * MINUTE) });
    // A Snap payment is 404 until the customer picks a method: never failed for that.
    const snap = orderId('SNAP');
    await storePayment(kit, snap, 9_000, { snapToken: 'tok', createdAt: new Date(Date.now() - 60 * MINUTE) });
    const summary = await kit.reconciler.run({ olderThan: 0 });
    expect(summary).toMatchObject({ examined: 3, updated: 1, unchanged: 2, failed: 0 });
    expect((await paymentOf(kit, old)).status).toBe('failed');
    expect((await paymentOf(kit, recent)).status).toBe('unknown');
    expect((await paymentOf(kit, snap)).status).toBe('created');
  });

  it('only looks at open payments older than the threshold', async () => {
    const kit = await h.createKit();
    const fresh = orderId('NEW');
    await storePayment(kit, fresh, 1_000, { status: 'pending' });
    await storePayment(kit, orderId('DONE'), 1_000, {
      status: 'paid',
      createdAt: new Date(Date.now() - 60 * MINUTE),
    });
    expect(await kit.reconciler.run({ olderThan: 10 * MINUTE })).toMatchObject({ examined: 0 });
  });

  it('reports payments it cannot check, with their order ids', async () => {
    const kit = await h.createKit({ maxRetries: 0 });
    const id = orderId('ERR');
    await storePayment(kit, id, 3_000, { status: 'pending', createdAt: new Date(Date.now() - MINUTE) });
    h.sim.controls.fault({ kind: 'status', status: 500, path: '/v2/*/status' });
    const summary = await kit.reconciler.run({ olderThan: 0 });
    expect(summary).toMatchObject({ examined: 1, updated: 0, unchanged: 0, failed: 1 });
    expect(summary.errors).toEqual([{ orderId: id, error: expect.stringMatching(/MidtransApiError/) }]);
  });

  it('writes a batch in one transaction; a row that breaks it does not hold back the others', async () => {
    const ids = [orderId('BATCH'), orderId('BATCH'), orderId('BATCH')];
    const broken = ids[1] ?? '';
    let kit: Awaited<ReturnType<typeof h.createKit>> | undefined;
    // Between the status call and the write, the stored amount of one payment changes: its
    // write throws inside the batch's transaction, which rolls back the other two as well.
    const meddling: Transport = async (request) => {
      const response = await nodeHttpTransport(request);
      if (kit !== undefined && request.url.includes(`/v2/${broken}/status`)) {
        await kit.store
          .knex(kit.store.tables.payments)
          .where('order_id', broken)
          .update({ gross_amount: 99_999 });
      }
      return response;
    };
    kit = await h.createKit({ transport: meddling });
    for (const id of ids) {
      await storePayment(kit, id, 25_000, { status: 'unknown' });
      await kit.client.core.charge(vaCharge(id, 25_000));
      h.sim.controls.pay(id);
    }
    const queries: string[] = [];
    // The store's statement tap: the store runs its transactions itself, not through Knex.
    const stop = statementTapOf(kit.store)?.listen((statement) => queries.push(statement.sql.toLowerCase()));
    await clockPast();
    const summary = await kit.reconciler.run({ olderThan: 0, concurrency: 1 });
    expect(summary).toMatchObject({ examined: 3, updated: 2, failed: 1 });
    expect(summary.errors).toEqual([{ orderId: broken, error: expect.stringContaining('gross_amount') }]);
    const statuses = await Promise.all(ids.map(async (id) => (await paymentOf(kit, id)).status));
    expect(statuses).toEqual(['paid', 'unknown', 'paid']);
    // Two rollbacks: the batch's transaction, then the broken payment's own. The others were
    // written on their own, and the rolled-back batch left no history behind.
    stop?.();
    expect(queries.filter((sql) => sql.startsWith('rollback'))).toHaveLength(2);
    for (const id of [ids[0] ?? '', ids[2] ?? '']) {
      const history = await kit.store.paymentEvents.listByPayment((await paymentOf(kit, id)).id);
      expect(history.map((event) => event.toStatus)).toEqual(['paid']);
    }
    await h.settle();
  });

  it('shares the work between concurrent runs: each payment examined once', async () => {
    const kit = await h.createKit();
    const ids = Array.from({ length: 12 }, () => orderId('PAR'));
    for (const id of ids) {
      await storePayment(kit, id, 20_000, { status: 'unknown' });
      await kit.client.core.charge(vaCharge(id, 20_000));
    }
    await clockPast();
    const runs = await Promise.all(
      [0, 1, 2].map(() => kit.reconciler.run({ olderThan: 0, batchSize: 3, concurrency: 2 })),
    );
    expect(runs.reduce((sum, run) => sum + run.examined, 0)).toBe(12);
    expect(runs.reduce((sum, run) => sum + run.updated, 0)).toBe(12);
    for (const id of ids) expect((await paymentOf(kit, id)).status).toBe('pending');
    const history = await Promise.all(
      ids.map(async (id) => kit.store.paymentEvents.listByPayment((await paymentOf(kit, id)).id)),
    );
    expect(history.map((events) => events.length)).toEqual(ids.map(() => 1));
    await h.settle();
  });
  it('refuses options that would stall or skew a run, before touching anything', async () => {
    const kit = await h.createKit();
    const id = orderId('REC-OPT');
    await storePayment(kit, id, 25_000, { status: 'unknown' });
    const error = await kit.reconciler
      .run({ olderThan: 0, concurrency: 0, batchSize: 2.5, window: 1 } as never)
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual(
      expect.arrayContaining([
        { field: 'concurrency', reason: 'must be >= 1' },
        { field: 'batchSize', reason: 'must be integer' },
        { field: 'window', reason: 'is not allowed' },
      ]),
    );
    expect((await paymentOf(kit, id)).status).toBe('unknown');
  });
});
