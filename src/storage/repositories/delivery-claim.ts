/**
 * A consumer's claim, through the store's driver path (sql/delivery-text.ts): its rows due again
 * (leased anew), then events it never had (one delivery row each, written with one statement), read
 * with their outbox rows in the same statement that finds them. Claiming works only in a transaction.
 */
import type { Row } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { Dialect } from '../dialect.js';
import { newId } from '../ids.js';
import type { ClaimedEvent, ClaimQuery } from '../records/event-delivery.js';
import type { OutboxEvent } from '../records/outbox-event.js';
import { createDeliveryText, type DeliveryText, listSlots, padded } from '../sql/delivery-text.js';
import type { TableNames } from '../tables.js';

const texts = new WeakMap<TableNames, Map<Dialect['name'], DeliveryText>>();

/** The delivery statements of a context's store, written once per store. */
export function deliveryText(ctx: StoreContext): DeliveryText {
  let byDialect = texts.get(ctx.tables);
  if (byDialect === undefined) {
    byDialect = new Map();
    texts.set(ctx.tables, byDialect);
  }
  let text = byDialect.get(ctx.dialect.name);
  if (text === undefined) {
    text = createDeliveryText(ctx.dialect, ctx.tables);
    byDialect.set(ctx.dialect.name, text);
  }
  return text;
}

/** Run an IN-list statement over `ids` (values `before` first), padded to its slot count. */
export function runOverIds(
  text: (slots: number) => string,
  before: readonly unknown[],
  ids: readonly string[],
): { sql: string; values: unknown[] } {
  const slots = listSlots(ids.length);
  return { sql: text(slots), values: [...before, ...padded(ids, slots)] };
}

/** What a claim needs besides the context: how to decode an outbox row. */
export type DecodeEvent = (row: Row) => OutboxEvent;

/** Claim due events for `query.consumer` (see `LockingEventDeliveryRepository.claim`). */
export async function claimEvents(
  ctx: StoreContext,
  decode: DecodeEvent,
  query: ClaimQuery,
  token: string,
): Promise<ClaimedEvent[]> {
  const text = deliveryText(ctx);
  const claimed = await claimDueAgain(ctx, text, decode, query, token);
  const room = query.limit - claimed.length;
  if (room > 0) claimed.push(...(await claimNew(ctx, text, decode, query, token, room)));
  // Handed over in outbox order, as one read ordered by id gave them before.
  return claimed.sort((a, b) => (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
}

/** Lease the consumer's rows that are due again, with their events. */
async function claimDueAgain(
  ctx: StoreContext,
  text: DeliveryText,
  decode: DecodeEvent,
  query: ClaimQuery,
  token: string,
): Promise<ClaimedEvent[]> {
  const rows = await ctx.run.rows(ctx.target, text.dueAgain(query.limit), [query.consumer, query.now]);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => String(row.id));
  const lease = runOverIds(text.lease, [token, query.leaseUntil, ctx.now()], ids);
  await ctx.run.write(ctx.target, lease.sql, lease.values);
  const read = runOverIds(
    text.events,
    [],
    rows.map((row) => String(row.event_row_id)),
  );
  const events = new Map((await ctx.run.rows(ctx.target, read.sql, read.values)).map((row) => [row.id, row]));
  const claimed: ClaimedEvent[] = [];
  for (const row of rows) {
    const event = events.get(row.event_row_id);
    // Pruned since (only delivered events are): nothing left to hand over.
    if (event === undefined) continue;
    claimed.push({ deliveryId: String(row.id), attempts: Number(row.attempts), event: decode(event) });
  }
  return claimed;
}

/** Insert rows for events the consumer never had; answers those this claim wrote. */
async function claimNew(
  ctx: StoreContext,
  text: DeliveryText,
  decode: DecodeEvent,
  query: ClaimQuery,
  token: string,
  limit: number,
): Promise<ClaimedEvent[]> {
  // One claimer of new events per consumer at a time: two inserting the same rows would wait on
  // each other's unique-key locks (a deadlock on MySQL/MariaDB). Taken before the read below, so
  // that read (the transaction's first plain one) sees the rows the previous holder inserted.
  await ctx.run.rows(ctx.target, ctx.sql.selectOne(ctx.tables.eventConsumers, 'name', 'update'), [
    query.consumer,
  ]);
  const unseen = await ctx.run.rows(ctx.target, text.unseen(limit), [query.consumer]);
  if (unseen.length === 0) return [];
  const now = ctx.now();
  const consumer = ctx.dialect.storableText(query.consumer);
  const deliveryIds = new Map<unknown, string>();
  const values: unknown[] = [];
  for (const row of unseen) {
    const id = newId();
    deliveryIds.set(row.id, id);
    values.push(id, consumer, row.id, 0, query.leaseUntil, token, now, now);
  }
  // Another process of the same consumer may claim the same events at once: the unique key keeps
  // one row per event, and each claim keeps only the rows it wrote itself.
  const sql = text.insertDeliveries(unseen.length);
  let written: Set<unknown>;
  if (text.returnsWritten) {
    written = new Set((await ctx.run.rows(ctx.target, sql, values)).map((row) => row.id));
  } else {
    await ctx.run.write(ctx.target, sql, values);
    const read = runOverIds(
      text.claimedBy,
      [query.consumer, token],
      unseen.map((row) => String(row.id)),
    );
    written = new Set((await ctx.run.rows(ctx.target, read.sql, read.values)).map((row) => row.id));
  }
  const claimed: ClaimedEvent[] = [];
  for (const row of unseen) {
    const deliveryId = deliveryIds.get(row.id);
    if (deliveryId === undefined || !written.has(deliveryId)) continue;
    claimed.push({ deliveryId, attempts: 0, event: decode(row) });
  }
  return claimed;
}
