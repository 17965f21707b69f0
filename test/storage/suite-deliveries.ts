/** Per-consumer delivery state: claims, leases, retries, completion, concurrent claimers. */
import { describe, expect, it } from 'vitest';
import { retryTransient } from '../../src/services/core/transaction-retry.js';
import type { KnexStore } from '../../src/storage/index.js';
import { testTablePrefix } from '../support/databases.js';
import type { Harness } from './harness.js';

/** Register the delivery tests. */
export function registerDeliveryTests(h: Harness): void {
  describe('event deliveries', () => {
    // Each test its own tables: claims see every pending event of the table.
    async function freshStore(): Promise<KnexStore> {
      const store = h.openStore({ tablePrefix: testTablePrefix('dlv') });
      await store.migrate();
      return store;
    }
    async function write(store: KnexStore, count: number): Promise<string[]> {
      const ids: string[] = [];
      await store.transaction(async (tx) => {
        for (let i = 0; i < count; i++) {
          ids.push(
            (await tx.outbox.insert({ eventId: h.unique('evt'), type: 'payment.paid', payload: { i } })).id,
          );
        }
      });
      return ids;
    }
    // As the kit runs it: a transaction the database rolled back as a victim runs again.
    const claim = (store: KnexStore, consumer: string, now: Date, limit = 100, leaseMs = 60_000) =>
      retryTransient(() =>
        store.transaction((tx) =>
          tx.deliveries.claim({ consumer, limit, now, leaseUntil: new Date(now.getTime() + leaseMs) }),
        ),
      );

    it('each consumer gets every event; an event is done when every registered consumer has it', async () => {
      const store = await freshStore();
      const now = new Date();
      expect(await store.deliveries.registerConsumer('shop')).toBe(true);
      expect(await store.deliveries.registerConsumer('shop')).toBe(false);
      await store.deliveries.registerConsumer('relay:nats');
      expect(await store.deliveries.listConsumers()).toEqual(['relay:nats', 'shop']);
      expect(await store.deliveries.hasDue('shop', now)).toBe(false);
      const ids = await write(store, 5);
      expect(await store.deliveries.hasDue('shop', now)).toBe(true);
      const shop = await claim(store, 'shop', now);
      // Claimed (leased): nothing more to claim until the lease runs out.
      expect(await store.deliveries.hasDue('shop', now)).toBe(false);
      expect(await store.deliveries.hasDue('shop', new Date(now.getTime() + 61_000))).toBe(true);
      expect(shop.map((c) => c.event.id)).toEqual(ids);
      expect(shop.every((c) => c.attempts === 0)).toBe(true);
      // Claimed rows are leased: not claimed again by another process of 'shop'.
      expect(await claim(store, 'shop', now)).toEqual([]);
      await store.deliveries.markDelivered(
        shop.map((c) => c.deliveryId),
        now,
      );
      expect(await store.deliveries.completeEvents(ids, now)).toBe(0);
      expect(await store.deliveries.countPending('shop')).toBe(0);
      expect(await store.deliveries.countPending('relay:nats')).toBe(5);
      const relay = await claim(store, 'relay:nats', now);
      await store.deliveries.markDelivered(
        relay.map((c) => c.deliveryId),
        now,
      );
      expect(await store.deliveries.completeEvents(ids, now)).toBe(5);
      expect(await store.outbox.listDue({ now: new Date(now.getTime() + 1000) })).toEqual([]);
    });

    it('a failed event comes back when due, with its attempts counted; a lease that ran out is claimed again', async () => {
      const store = await freshStore();
      const now = new Date();
      await store.deliveries.registerConsumer('shop');
      await write(store, 2);
      const [failed, abandoned] = await claim(store, 'shop', now);
      if (failed === undefined || abandoned === undefined) throw new Error('two claimed');
      await store.deliveries.markFailed(failed.deliveryId, {
        error: 'boom',
        retryAt: new Date(now.getTime() + 5000),
      });
      expect(await claim(store, 'shop', new Date(now.getTime() + 4000))).toEqual([]);
      const again = await claim(store, 'shop', new Date(now.getTime() + 61_000));
      expect(again.map((c) => [c.deliveryId, c.attempts])).toEqual([
        [failed.deliveryId, 1],
        [abandoned.deliveryId, 0],
      ]);
    });

    it('removing a consumer completes the events only it lacked', async () => {
      const store = await freshStore();
      const now = new Date();
      await store.deliveries.registerConsumer('shop');
      await store.deliveries.registerConsumer('gone');
      const ids = await write(store, 3);
      const shop = await claim(store, 'shop', now);
      await store.deliveries.markDelivered(
        shop.map((c) => c.deliveryId),
        now,
      );
      await claim(store, 'gone', now);
      expect(await store.deliveries.completeEvents(ids, now)).toBe(0);
      await store.deliveries.removeConsumer('gone');
      expect(await store.deliveries.listConsumers()).toEqual(['shop']);
      expect(await store.deliveries.completeEvents(ids, now)).toBe(3);
      // Pruning the outbox takes the events' delivery rows along.
      expect(await store.outbox.deleteDelivered(new Date(now.getTime() + 60_000))).toBe(3);
      const [left] = await store.knex(store.tables.eventDeliveries).count({ n: '*' });
      expect(Number(left?.n)).toBe(0);
    });

    // Not on SQLite: three connections to one file in one process block each other (the driver's
    // busy wait holds the only thread); several processes on SQLite are covered by the relay suite.
    it.skipIf(h.db.kind === 'sqlite')(
      'three claimers of one consumer at once: every event claimed exactly once',
      async () => {
        const store = await freshStore();
        await store.deliveries.registerConsumer('shop');
        const ids = await write(store, 300);
        const others = [
          store,
          h.openStore({ tablePrefix: store.tables.prefix }),
          h.openStore({ tablePrefix: store.tables.prefix }),
        ];
        const seen = new Map<string, number>();
        await Promise.all(
          others.map(async (claimer) => {
            for (;;) {
              const got = await claim(claimer, 'shop', new Date(), 20);
              if (got.length === 0 && (await claimer.deliveries.countPending('shop')) === 0) return;
              for (const c of got) seen.set(c.event.id, (seen.get(c.event.id) ?? 0) + 1);
              await claimer.deliveries.markDelivered(
                got.map((c) => c.deliveryId),
                new Date(),
              );
            }
          }),
        );
        expect(seen.size).toBe(ids.length);
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
      },
      60_000,
    );
  });
}
