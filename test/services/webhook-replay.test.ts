/** Replaying stored deliveries: linked to the original, idempotent like a live delivery. */
import { expect, it } from 'vitest';
import { NotFoundError } from '../../src/errors.js';
import { describeWithKit } from '../support/kit-harness.js';
import { chargeVa, deliver, deliveriesOf, orderId, paymentOf, signedBody } from './webhook-helpers.js';

describeWithKit('webhook replay', (h) => {
  it('replays a failed delivery by id as a new linked row, then as a duplicate', async () => {
    // A kit of its own: the simulator's notifications go to h.kit, so this one sees only ours.
    const kit = await h.createKit();
    const id = orderId('RPL');
    const transactionId = await chargeVa(kit, id, 60_000);
    h.sim.controls.pay(id);
    await h.settle();
    h.sim.controls.fault({ kind: 'status', status: 503, path: '/v2/*/status', times: 3 });
    const body = signedBody(id, 'settlement', 60_000, { transaction_id: transactionId });
    const failed = await deliver(kit, body);
    expect(failed).toMatchObject({ verdict: 'error', httpStatus: 502 });
    expect((await paymentOf(kit, id)).status).toBe('created');
    const originalId = failed.notification?.id ?? '?';

    const [replay] = await kit.notifications.reprocess(originalId);
    expect(replay).toMatchObject({ verdict: 'applied', httpStatus: 200 });
    expect(replay?.notification).toMatchObject({
      replayOf: originalId,
      rawBody: failed.notification?.rawBody,
    });
    expect(replay?.notification?.id).not.toBe(originalId);
    expect((await paymentOf(kit, id)).status).toBe('paid');
    // The original keeps what happened when it arrived.
    expect((await kit.store.notifications.findById(originalId))?.outcome).toBe('failed');

    // Replaying the replay links to the original too, and changes nothing.
    const [again] = await kit.notifications.reprocess(replay?.notification?.id ?? '?');
    expect(again).toMatchObject({ verdict: 'duplicate', notification: { replayOf: originalId } });
  });

  it('replays by filter: only originals with the verdict, received since the date, oldest first', async () => {
    const since = new Date(Date.now() - 1);
    const a = orderId('FLT');
    const b = orderId('FLT');
    const first = await deliver(h.kit, signedBody(a, 'settlement', 1_000));
    const second = await deliver(h.kit, signedBody(b, 'settlement', 1_000));
    await deliver(h.kit, 'garbage');
    expect([first.verdict, second.verdict]).toEqual(['unknown_order', 'unknown_order']);

    // Now the orders exist (trusting the signed bodies, since the simulator has no such orders).
    const trusting = await h.createKit({
      trustSignature: true,
      tablePrefix: h.kit.store.tables.prefix,
      database: h.kit.store.knex,
    });
    await h.kit.store.payments.insert({ orderId: a, grossAmount: 1_000 });
    await h.kit.store.payments.insert({ orderId: b, grossAmount: 1_000 });
    const results = await trusting.notifications.reprocess({ since, verdict: ['unknown_order'] });
    expect(results.map((r) => [r.notification?.orderId, r.verdict, r.notification?.replayOf])).toEqual([
      [a, 'applied', first.notification?.id],
      [b, 'applied', second.notification?.id],
    ]);
    // Replays are never selected themselves; the originals are, and now come out duplicate.
    const rerun = await trusting.notifications.reprocess({ since, verdict: 'unknown_order' });
    expect(rerun.map((r) => r.verdict)).toEqual(['duplicate', 'duplicate']);
    expect((await deliveriesOf(h.kit, a)).map((row) => row.outcome)).toEqual([
      'unknown_order',
      'applied',
      'duplicate',
    ]);
    expect(await trusting.notifications.reprocess({ since: new Date(Date.now() + 60_000) })).toEqual([]);
  });

  it('refuses an unknown id', async () => {
    await expect(h.kit.notifications.reprocess('00000000-0000-7000-8000-000000000000')).rejects.toThrow(
      NotFoundError,
    );
  });
});
