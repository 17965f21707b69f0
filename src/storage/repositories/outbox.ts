/** The event outbox on Knex. */
import { type ColumnSpec, createCodec, type RecordCodec, type Row, storableRow } from '../codec.js';
import type { StoreContext } from '../context.js';
import { decodeJson, type JsonObject } from '../json.js';
import { pageSize } from '../paging.js';
import type { DueOutboxQuery, LockingOutboxRepository, OutboxEvent } from '../records/outbox-event.js';
import { limitRows } from '../row-limit.js';
import { insertUnlessDuplicate } from '../sql/insert-unless-duplicate.js';
import { createTableAccess, type QueryFilter } from '../table-access.js';
import { uniqueKeyName } from '../tables.js';
import { whereEquals } from './filters.js';

/** Column kinds of the outbox table (shared with the delivery repository, which reads events). */
export const outboxColumns: ColumnSpec<OutboxEvent> = {
  id: 'text',
  eventId: 'text',
  type: 'text',
  payload: 'json',
  attempts: 'integer',
  lastError: 'text',
  availableAt: 'date',
  deliveredAt: 'date',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Create the outbox repository of a context (claiming works only in a transaction). */
export function createOutboxRepository(ctx: StoreContext): LockingOutboxRepository {
  const table = ctx.tables.outbox;
  const codec = createCodec<OutboxEvent>('outbox event', table, outboxColumns);
  const access = createTableAccess(
    ctx,
    codec,
    [{ field: 'eventId', name: uniqueKeyName(table, 'event_id') }],
    false,
  );
  const build = (input: Parameters<LockingOutboxRepository['insert']>[0]) =>
    access.build(input, { attempts: 0, availableAt: input.createdAt ?? ctx.now() });
  const due =
    (query: DueOutboxQuery): QueryFilter =>
    (builder) => {
      builder
        .whereNull('delivered_at')
        .where('available_at', '<=', query.now ?? ctx.now())
        .orderBy([{ column: 'available_at' }, { column: 'id' }]);
      limitRows(builder, pageSize(query.limit));
    };

  const setMany = async (ids: readonly string[], patch: Partial<OutboxEvent>): Promise<void> => {
    if (ids.length === 0) return;
    access.forget(ids);
    await ctx
      .db(table)
      .whereIn('id', [...ids])
      .update(storableRow(codec.toRow({ ...patch, updatedAt: ctx.now() }), ctx.dialect.storableText));
  };

  return {
    insert: (input) => access.insert(build(input)),
    async insertIfAbsent(input) {
      const record = build(input);
      const row = storableRow(codec.toRow(record), ctx.dialect.storableText);
      // Written: the row is what we sent (no read back, as `insert`). Kept: the stored one wins.
      if (await insertUnlessDuplicate(ctx, table, row, 'event_id')) {
        return { event: writtenEvent(codec, row), created: true };
      }
      const stored = await access.findOne(whereEquals('event_id', record.eventId));
      if (stored === undefined) throw new Error(`Outbox event "${record.eventId}" vanished after insert`);
      return { event: stored, created: stored.id === record.id };
    },
    findByEventId: (eventId) => access.findOne(whereEquals('event_id', eventId)),
    listDue: (query = {}) => access.findMany(due(query)),
    markDelivered: (id, deliveredAt) => access.update(id, { deliveredAt: deliveredAt ?? ctx.now() }),
    async markFailed(id, failure) {
      // Incremented in SQL so two dispatchers failing at once both count.
      access.forget([id]);
      const row = storableRow(
        codec.toRow({ lastError: failure.error, availableAt: failure.retryAt }),
        ctx.dialect.storableText,
      );
      await ctx
        .db(table)
        .where('id', id)
        .update({ ...row, attempts: ctx.db.raw('?? + 1', ['attempts']) });
      return access.update(id, {});
    },
    postpone: (id, availableAt) => access.update(id, { availableAt }),
    markManyDelivered: (ids, deliveredAt) => setMany(ids, { deliveredAt: deliveredAt ?? ctx.now() }),
    postponeMany: (ids, availableAt) => setMany(ids, { availableAt }),
    async deleteDelivered(before) {
      const done = () =>
        ctx.db(table).select('id').whereNotNull('delivered_at').where('delivered_at', '<', before);
      // Their per-consumer delivery rows first: nothing refers to them once the events are gone.
      await ctx.db(ctx.tables.eventDeliveries).whereIn('event_row_id', done()).delete();
      return done().delete();
    },
    claimDue: (query = {}) => access.findMany(due(query), query.skipLocked ? 'update-skip-locked' : 'update'),
  };
}

/**
 * The event just written, as reading it back would give it, except that its payload (the largest
 * column: a whole payment, Midtrans's last answer included) is parsed from the written text only
 * when somebody reads it. The kit's own writers never do, and parsing it back was the largest JSON
 * cost of a webhook. Reading, spreading or serialising the event sees the parsed payload.
 */
function writtenEvent(codec: RecordCodec<OutboxEvent>, row: Row): OutboxEvent {
  const text = row.payload;
  const event = codec.fromRow({ ...row, payload: null });
  let payload: JsonObject | undefined;
  Object.defineProperty(event, 'payload', {
    enumerable: true,
    configurable: true,
    get(): JsonObject {
      if (payload === undefined) {
        const where = `${codec.table}.payload (id ${event.id})`;
        const document = decodeJson(text, where);
        if (document === null || Array.isArray(document)) throw new TypeError(`${where}: not a JSON object`);
        payload = document;
      }
      return payload;
    },
    set(value: JsonObject) {
      payload = value;
    },
  });
  return event;
}
