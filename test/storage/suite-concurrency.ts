/** Locking reads serialise competing transactions; SKIP LOCKED shares work between claimers. */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../src/storage/index.js';
import type { Harness } from './harness.js';

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

/** Register the concurrency tests. */
export function registerConcurrencyTests(h: Harness): void {
  describe('concurrency', () => {
    /** Two transactions each read the payment, pause, then write refundCount + 1. Returns the counts read. */
    async function incrementTwice(read: 'lock' | 'plain', payment: Payment): Promise<number[]> {
      const store = h.store();
      const seen: number[] = [];
      const increment = () =>
        store.transaction(async (tx) => {
          const current =
            read === 'lock' ? await tx.payments.lockById(payment.id) : await tx.payments.findById(payment.id);
          if (current === undefined) throw new Error('payment vanished');
          seen.push(current.refundCount);
          // Plain reads wait for each other so the race is certain; a locked read cannot be joined.
          if (read === 'plain') await until(() => seen.length === 2);
          else await sleep(100);
          await tx.payments.update(payment.id, {
            refundCount: current.refundCount + 1,
            refundedAmount: current.refundedAmount + 10,
          });
        });
      await Promise.all([increment(), sleep(20).then(increment)]);
      return seen;
    }

    it('two transactions locking the same payment run one after the other', async () => {
      const payment = await h.store().payments.insert({ orderId: h.unique('LOCK'), grossAmount: 100 });
      const seen = await incrementTwice('lock', payment);

      // Whichever went second read the first one's committed write.
      expect(seen).toEqual([0, 1]);
      expect(await h.store().payments.findById(payment.id)).toMatchObject({
        refundCount: 2,
        refundedAmount: 20,
      });
    });

    it.skipIf(h.db.kind === 'sqlite')(
      'without the lock the same race loses an update (the test can fail)',
      async () => {
        const payment = await h.store().payments.insert({ orderId: h.unique('RACE'), grossAmount: 100 });
        const seen = await incrementTwice('plain', payment);

        expect(seen).toEqual([0, 0]);
        expect((await h.store().payments.findById(payment.id))?.refundCount).toBe(1);
      },
    );

    it('finds stale payments past their expiry time, and filters lists by fraud status', async () => {
      const store = h.store();
      const past = new Date('2025-01-01T00:00:00.000Z');
      const expired = await store.payments.insert({
        orderId: h.unique('EXP'),
        grossAmount: 1,
        status: 'authorized',
        expiryTime: past,
        fraudStatus: 'challenge',
        userId: 'expiry-user',
      });
      await store.payments.insert({
        orderId: h.unique('EXP'),
        grossAmount: 1,
        status: 'authorized',
        expiryTime: new Date(past.getTime() + 60_000),
        userId: 'expiry-user',
      });
      const stale = await store.payments.listStale({ statuses: ['authorized'], expiredBy: past });
      expect(stale.items.map((p) => p.id)).toEqual([expired.id]);
      const challenged = await store.payments.list({ userId: 'expiry-user', fraudStatus: 'challenge' });
      expect(challenged.items.map((p) => p.id)).toEqual([expired.id]);
    });

    it('claims stale payments least recently updated first', async () => {
      const store = h.store();
      const first = await store.payments.insert({
        orderId: h.unique('CLM'),
        grossAmount: 1,
        status: 'unknown',
      });
      const second = await store.payments.insert({
        orderId: h.unique('CLM'),
        grossAmount: 1,
        status: 'unknown',
      });
      const claimed = await store.transaction((tx) =>
        tx.payments.claimStale({ statuses: ['unknown'], limit: 2 }),
      );
      expect(claimed.map((p) => p.id)).toEqual([first.id, second.id]);
      await store.payments.update(first.id, { status: 'paid' });
      await store.payments.update(second.id, { status: 'paid' });
    });

    it.skipIf(h.db.kind === 'sqlite')(
      'a second claimer with skipLocked passes over rows the first holds',
      async () => {
        const store = h.store();
        const first = await store.payments.insert({
          orderId: h.unique('SKIP'),
          grossAmount: 1,
          status: 'unknown',
        });
        const second = await store.payments.insert({
          orderId: h.unique('SKIP'),
          grossAmount: 1,
          status: 'unknown',
        });
        const query = { statuses: ['unknown'] as const, limit: 1, skipLocked: true };

        const [held, passedTo] = await store.transaction(async (a) => {
          const mine = await a.payments.claimStale(query);
          const theirs = await store.transaction((b) => b.payments.claimStale(query));
          return [mine, theirs];
        });
        expect(held.map((p) => p.id)).toEqual([first.id]);
        expect(passedTo.map((p) => p.id)).toEqual([second.id]);
        await store.payments.update(first.id, { status: 'paid' });
        await store.payments.update(second.id, { status: 'paid' });
      },
    );
  });
}
