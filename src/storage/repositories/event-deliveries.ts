/** Per-consumer delivery state on Knex (see records/event-delivery.ts). */
import { randomUUID } from 'node:crypto';
import { type ColumnSpec, createCodec, storableRow } from '../codec.js';
import type { StoreContext } from '../context.js';
import { newId } from '../ids.js';
import type { StoredRecord } from '../records/common.js';
import type { ClaimedEvent, ClaimQuery, LockingEventDeliveryRepository } from '../records/event-delivery.js';
import type { OutboxEvent } from '../records/outbox-event.js';
import { limitRows } from '../row-limit.js';
import { insertUnlessDuplicate } from '../sql/insert-unless-duplicate.js';
import { outboxColumns } from './outbox.js';

interface DeliveryRow extends StoredRecord {
  consumer: string;
  eventRowId: string;
  attempts: number;
  lastError: string | null;
  availableAt: Date;
  deliveredAt: Date | null;
  claimToken: string | null;
}

const columns: ColumnSpec<DeliveryRow> = {
  id: 'text',
  consumer: 'text',
  eventRowId: 'text',
  attempts: 'integer',
  lastError: 'text',
  availableAt: 'date',
  deliveredAt: 'date',
  claimToken: 'text',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Create the delivery repository of a context (claiming works only in a transaction). */
export function createEventDeliveryRepository(ctx: StoreContext): LockingEventDeliveryRepository {
  const { tables } = ctx;
  const table = tables.eventDeliveries;
  const codec = createCodec<DeliveryRow>('event delivery', table, columns);
  const events = createCodec<OutboxEvent>('outbox event', tables.outbox, outboxColumns);
  const write = (values: Partial<DeliveryRow>) => storableRow(codec.toRow(values), ctx.dialect.storableText);
  /**
   * Outbox events not done that the consumer has no row for (`delivered`: no delivered row),
   * through the unique key (consumer, event).
   */
  const notDoneWithout = (consumer: string, delivered = false) =>
    ctx
      .db(tables.outbox)
      .whereNull('delivered_at')
      .whereNotExists((sub) => {
        sub
          .select(ctx.db.raw('1'))
          .from(table)
          .where(`${table}.consumer`, consumer)
          .whereRaw('??.?? = ??.??', [table, 'event_row_id', tables.outbox, 'id']);
        if (delivered) sub.whereNotNull(`${table}.delivered_at`);
      });

  /** Lease the consumer's rows that are due again; returns their events' row ids. */
  async function claimDueAgain(query: ClaimQuery, token: string): Promise<string[]> {
    const builder = limitRows(
      ctx
        .db(table)
        .select('id', 'event_row_id')
        .where('consumer', query.consumer)
        .whereNull('delivered_at')
        .where('available_at', '<=', query.now)
        .orderBy([{ column: 'available_at' }, { column: 'id' }]),
      query.limit,
    );
    const rows: { id: string; event_row_id: string }[] = await ctx.dialect.lock(
      builder,
      'update-skip-locked',
    );
    if (rows.length === 0) return [];
    await ctx
      .db(table)
      .whereIn(
        'id',
        rows.map((row) => row.id),
      )
      .update(write({ claimToken: token, availableAt: query.leaseUntil, updatedAt: ctx.now() }));
    return rows.map((row) => row.event_row_id);
  }

  /** Insert rows for events the consumer never had; returns the events tried (some may be another's). */
  async function claimNew(query: ClaimQuery, token: string, limit: number): Promise<string[]> {
    // One claimer of new events per consumer at a time: two inserting the same rows would wait on
    // each other's unique-key locks (a deadlock on MySQL/MariaDB). Taken before the read below, so
    // that read (the transaction's first plain one) sees the rows the previous holder inserted.
    await ctx.dialect.lock(
      ctx.db(tables.eventConsumers).select('id').where('name', query.consumer),
      'update',
    );
    const unseen: { id: string }[] = await limitRows(
      notDoneWithout(query.consumer).select('id').orderBy('id'),
      limit,
    );
    if (unseen.length === 0) return [];
    const now = ctx.now();
    const rows = unseen.map(({ id }) =>
      write({
        id: newId(),
        consumer: query.consumer,
        eventRowId: id,
        attempts: 0,
        availableAt: query.leaseUntil,
        claimToken: token,
        createdAt: now,
        updatedAt: now,
      }),
    );
    // Another process of the same consumer may claim the same events at once: the unique key
    // keeps one row per event, and each claim reads back only the rows that carry its token.
    await ctx.db(table).insert(rows).onConflict(['consumer', 'event_row_id']).ignore();
    return unseen.map(({ id }) => id);
  }

  async function claimed(query: ClaimQuery, token: string, eventRowIds: string[]): Promise<ClaimedEvent[]> {
    if (eventRowIds.length === 0) return [];
    // One read through the unique key (consumer, event): the rows this claim holds, and their
    // events, in outbox order. A row another claimer inserted first carries its token, not ours.
    const rows: Record<string, unknown>[] = await ctx
      .db(table)
      .join(tables.outbox, `${tables.outbox}.id`, `${table}.event_row_id`)
      .select(`${tables.outbox}.*`, {
        delivery_id: `${table}.id`,
        delivery_attempts: `${table}.attempts`,
      })
      .where(`${table}.consumer`, query.consumer)
      .whereIn(`${table}.event_row_id`, eventRowIds)
      .where(`${table}.claim_token`, token)
      .orderBy(`${tables.outbox}.id`);
    return rows.map((row) => ({
      deliveryId: String(row.delivery_id),
      attempts: Number(row.delivery_attempts),
      event: events.fromRow(row),
    }));
  }

  return {
    async registerConsumer(name) {
      const now = ctx.now();
      const row = storableRow(
        { id: newId(), name, created_at: now, updated_at: now },
        ctx.dialect.storableText,
      );
      return insertUnlessDuplicate(ctx, tables.eventConsumers, row, 'name');
    },
    async removeConsumer(name) {
      await ctx.db(table).where('consumer', name).delete();
      await ctx.db(tables.eventConsumers).where('name', name).delete();
    },
    async listConsumers() {
      const rows: { name: string }[] = await ctx.db(tables.eventConsumers).select('name').orderBy('name');
      return rows.map((row) => row.name);
    },
    async markDelivered(ids, deliveredAt) {
      if (ids.length === 0) return;
      await ctx
        .db(table)
        .whereIn('id', [...ids])
        // The claim token stays: tokens are never reused, and leaving it spares an index update.
        .update(write({ deliveredAt, updatedAt: ctx.now() }));
    },
    async markFailed(id, failure) {
      await ctx
        .db(table)
        .where('id', id)
        .update({
          ...write({
            lastError: failure.error,
            availableAt: failure.retryAt,
            claimToken: null,
            updatedAt: ctx.now(),
          }),
          attempts: ctx.db.raw('?? + 1', ['attempts']),
        });
    },
    async completeEvents(eventRowIds, deliveredAt) {
      if (eventRowIds.length === 0) return 0;
      const outbox = tables.outbox;
      // Done when no registered consumer lacks a delivered row for the event.
      return ctx
        .db(outbox)
        .whereIn('id', [...eventRowIds])
        .whereNull('delivered_at')
        .whereNotExists((consumers) => {
          consumers
            .select(ctx.db.raw('1'))
            .from(tables.eventConsumers)
            .whereNotExists((delivered) => {
              delivered
                .select(ctx.db.raw('1'))
                .from(table)
                .whereRaw('??.?? = ??.??', [table, 'consumer', tables.eventConsumers, 'name'])
                .whereRaw('??.?? = ??.??', [table, 'event_row_id', outbox, 'id'])
                .whereNotNull(`${table}.delivered_at`);
            });
        })
        .update(storableRow(events.toRow({ deliveredAt, updatedAt: ctx.now() }), ctx.dialect.storableText));
    },
    async hasDue(consumer, now) {
      const unseen: unknown[] = await limitRows(notDoneWithout(consumer).select('id'), 1);
      if (unseen.length > 0) return true;
      const again: unknown[] = await limitRows(
        ctx
          .db(table)
          .select('id')
          .where('consumer', consumer)
          .whereNull('delivered_at')
          .where('available_at', '<=', now),
        1,
      );
      return again.length > 0;
    },
    async countPending(consumer) {
      const [row] = await notDoneWithout(consumer, true).count({ n: '*' });
      return Number(row?.n ?? 0);
    },
    async claim(query) {
      if (ctx.transaction === undefined)
        throw new Error('Claiming is only available inside store.transaction');
      const token = randomUUID();
      const again = await claimDueAgain(query, token);
      const fresh =
        again.length < query.limit ? await claimNew(query, token, query.limit - again.length) : [];
      return claimed(query, token, [...again, ...fresh]);
    },
  };
}
