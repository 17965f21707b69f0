/** The event outbox: insert, idempotent insert, due listing, delivery bookkeeping, claiming. */
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness.js';

/** Register the outbox tests. */
export function registerOutboxTests(h: Harness): void {
  describe('outbox', () => {
    it('adds events, lists the due ones in availability order, marks delivery and failure', async () => {
      const { outbox } = h.store();
      const now = new Date('2030-01-01T00:00:00.000Z');
      const type = h.unique('test.event');
      const later = await outbox.insert({
        eventId: h.unique('evt'),
        type,
        payload: { n: 2 },
        createdAt: new Date(now.getTime() - 1000),
      });
      const earlier = await outbox.insert({
        eventId: h.unique('evt'),
        type,
        payload: { n: 1, text: 'Lunas ✅' },
        createdAt: new Date(now.getTime() - 2000),
      });
      const future = await outbox.insert({
        eventId: h.unique('evt'),
        type,
        payload: { n: 3 },
        availableAt: new Date(now.getTime() + 60_000),
      });

      expect(earlier).toMatchObject({
        attempts: 0,
        deliveredAt: null,
        lastError: null,
        availableAt: earlier.createdAt,
      });
      expect(await outbox.findByEventId(earlier.eventId)).toEqual(earlier);
      const due = (await outbox.listDue({ now, limit: 1000 })).filter((e) => e.type === type);
      expect(due.map((e) => e.id)).toEqual([earlier.id, later.id]);

      const retryAt = new Date(now.getTime() + 5000);
      const failed = await outbox.markFailed(earlier.id, { error: 'HTTP 500', retryAt });
      expect(failed).toMatchObject({ attempts: 1, lastError: 'HTTP 500', availableAt: retryAt });
      expect((await outbox.markFailed(earlier.id, { error: 'again', retryAt })).attempts).toBe(2);
      const delivered = await outbox.markDelivered(later.id, now);
      expect(delivered.deliveredAt).toEqual(now);

      const stillDue = (await outbox.listDue({ now, limit: 1000 })).filter((e) => e.type === type);
      expect(stillDue).toEqual([]);
      expect(await outbox.deleteDelivered(new Date(now.getTime() + 1))).toBeGreaterThanOrEqual(1);
      expect(await outbox.findByEventId(later.eventId)).toBeUndefined();
      expect(await outbox.findByEventId(future.eventId)).toBeDefined();
    });

    it('insertIfAbsent adds once and then returns the stored event, also inside a transaction', async () => {
      const store = h.store();
      const eventId = h.unique('evt');
      const first = await store.outbox.insertIfAbsent({ eventId, type: 'payment.paid', payload: { v: 1 } });
      const again = await store.transaction((tx) =>
        tx.outbox.insertIfAbsent({ eventId, type: 'payment.paid', payload: { v: 2 } }),
      );

      expect(first.created).toBe(true);
      expect(again.created).toBe(false);
      expect(again.event).toEqual(first.event);
      expect(again.event.payload).toEqual({ v: 1 });
    });

    it('hands back a written event exactly as reading it gives it (spread, serialised, reassigned)', async () => {
      const store = h.store();
      const eventId = h.unique('evt');
      const payload = { text: 'Lunas ✅', nested: { list: [1, 'two', null], empty: {} } };
      const { event, created } = await store.outbox.insertIfAbsent({
        eventId,
        type: 'payment.paid',
        payload,
      });
      const read = await store.outbox.findByEventId(eventId);

      expect(created).toBe(true);
      expect(event).toEqual(read);
      expect({ ...event }).toEqual({ ...read });
      expect(JSON.parse(JSON.stringify(event))).toEqual(JSON.parse(JSON.stringify(read)));
      expect(Object.keys(event)).toEqual(Object.keys(read ?? {}));
      // Its own copy: changing the caller's object after the write changes nothing handed back.
      payload.nested.list.push(4);
      expect(event.payload).toEqual(read?.payload);
      expect(event.payload).toBe(event.payload);
      event.payload = { replaced: true };
      expect(event.payload).toEqual({ replaced: true });
    });

    it('postpones and marks several events delivered in one call each', async () => {
      const store = h.store();
      const type = h.unique('many.event');
      const events = await Promise.all(
        [1, 2, 3].map((n) => store.outbox.insert({ eventId: h.unique(`evt${n}`), type, payload: { n } })),
      );
      // Taken after the inserts: an event is available from its insert time, so a `now` read
      // before them would leave an insert that lands in a later millisecond not yet due.
      const now = new Date();
      const ids = events.map((event) => event.id);
      const leaseUntil = new Date(now.getTime() + 60_000);
      await store.transaction(async (tx) => {
        const claimed = (await tx.outbox.claimDue({ limit: 1000, now })).filter((e) => e.type === type);
        expect(claimed.map((e) => e.id).sort()).toEqual([...ids].sort());
        await tx.outbox.postponeMany(ids, leaseUntil);
      });
      expect((await store.outbox.listDue({ now, limit: 1000 })).filter((e) => e.type === type)).toEqual([]);
      const later = new Date(leaseUntil.getTime() + 1);
      expect(
        (await store.outbox.listDue({ now: later, limit: 1000 })).filter((e) => e.type === type),
      ).toHaveLength(3);
      await store.outbox.markManyDelivered(ids.slice(0, 2), now);
      await store.outbox.markManyDelivered([], now);
      const after = await Promise.all(events.map((event) => store.outbox.findByEventId(event.eventId)));
      expect(after.map((event) => event?.deliveredAt ?? null)).toEqual([now, now, null]);
      expect(after.map((event) => event?.attempts)).toEqual([0, 0, 0]);
    });

    it('claims due events inside a transaction', async () => {
      const store = h.store();
      const type = h.unique('claim.event');
      const event = await store.outbox.insert({ eventId: h.unique('evt'), type, payload: {} });
      const claimed = await store.transaction((tx) => tx.outbox.claimDue({ limit: 1000, skipLocked: true }));
      expect(claimed.map((e) => e.id)).toContain(event.id);
    });
  });
}
