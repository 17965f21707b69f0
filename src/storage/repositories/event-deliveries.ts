/** Per-consumer delivery state on Knex (see records/event-delivery.ts). */
import { randomUUID } from 'node:crypto';
import { type ColumnSpec, createCodec, storableRow } from '../codec.js';
import type { StoreContext } from '../context.js';
import { newId } from '../ids.js';
import type { StoredRecord } from '../records/common.js';
import type { LockingEventDeliveryRepository } from '../records/event-delivery.js';
import type { OutboxEvent } from '../records/outbox-event.js';
import { limitRows } from '../row-limit.js';
import { insertUnlessDuplicate } from '../sql/insert-unless-duplicate.js';
import { claimEvents, deliveryText, runOverIds } from './delivery-claim.js';
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
      const { sql, values } = runOverIds(deliveryText(ctx).markDelivered, [deliveredAt, ctx.now()], ids);
      await ctx.run.write(ctx.target, sql, values);
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
      const text = deliveryText(ctx).completeEvents;
      const { sql, values } = runOverIds(text, [deliveredAt, ctx.now()], eventRowIds);
      return ctx.run.write(ctx.target, sql, values);
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
      return claimEvents(ctx, (row) => events.fromRow(row), query, randomUUID());
    },
  };
}
