/**
 * The SQL text of a consumer's claim, mark and completion (repositories/event-deliveries.ts),
 * written once per dialect, tables and list length and run through the store's driver path: per
 * event these were ~3 row writes built by Knex's builder (bench/FIXES.md, "Relay"). Identifiers
 * are the kit's own; values are always placeholders.
 */
import type { Dialect } from '../dialect.js';
import type { TableNames } from '../tables.js';
import { createTextMemo } from './sql-text.js';

/** Columns of a new delivery row, in the order `insertDeliveries` binds them. */
export const DELIVERY_INSERT_COLUMNS = [
  'id',
  'consumer',
  'event_row_id',
  'attempts',
  'available_at',
  'claim_token',
  'created_at',
  'updated_at',
] as const;

/** The statements of one store. `slots` is an IN-list length from `listSlots`. */
export interface DeliveryText {
  /** A consumer's rows due again: `id, event_row_id, attempts` (values: consumer, now), skip-locked. */
  dueAgain(limit: number): string;
  /** Lease rows (values: claim token, lease end, updated at, ids…). */
  lease(slots: number): string;
  /** Outbox rows not done that the consumer has no row for, oldest first (values: consumer). */
  unseen(limit: number): string;
  /** Outbox rows by id (values: ids…). */
  events(slots: number): string;
  /**
   * Insert `count` delivery rows, keeping rows another claim inserted first. Answers the ids of the
   * rows written where the database can say so (`returnsWritten`), else nothing.
   */
  insertDeliveries(count: number): string;
  /** Whether `insertDeliveries` answers the written rows' ids. */
  readonly returnsWritten: boolean;
  /** Of these events, the consumer's rows carrying a claim token (values: consumer, token, ids…). */
  claimedBy(slots: number): string;
  /** Mark delivery rows delivered (values: delivered at, updated at, ids…). */
  markDelivered(slots: number): string;
  /** Complete the events every registered consumer has delivered (values: delivered at, updated at, ids…). */
  completeEvents(slots: number): string;
}

/**
 * The IN-list length for `count` values: the next power of two, so a store writes a dozen texts
 * per statement instead of one per batch size (MySQL prepares at most 64 per connection). The list
 * is filled up by repeating the last value, which selects nothing more.
 */
export function listSlots(count: number): number {
  let slots = 1;
  while (slots < count) slots *= 2;
  return slots;
}

/** `values` filled up to `slots` with its last value. */
export function padded<T>(values: readonly T[], slots: number): T[] {
  const out = [...values];
  const last = values[values.length - 1];
  if (last === undefined) throw new RangeError('An IN list needs at least one value');
  while (out.length < slots) out.push(last);
  return out;
}

const MAX_KEPT = 256;

/** The statements of `dialect` on `tables`. */
export function createDeliveryText(dialect: Dialect, tables: TableNames): DeliveryText {
  const q = (name: string) => dialect.quoteIdentifier(name);
  const remember = createTextMemo(dialect, MAX_KEPT);
  const count = (n: number) => {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`A row count must be positive, got ${n}`);
    return n;
  };
  const list = (n: number) => `(${Array.from({ length: count(n) }, () => '?').join(', ')})`;
  const D = q(tables.eventDeliveries);
  const O = q(tables.outbox);
  const C = q(tables.eventConsumers);
  const col = (table: string, name: string) => `${table}.${q(name)}`;
  const returnsWritten = dialect.insertCanSkipDuplicate;
  return {
    returnsWritten,
    dueAgain: (limit) =>
      remember(
        `a ${limit}`,
        () =>
          `select ${q('id')}, ${q('event_row_id')}, ${q('attempts')} from ${D} where ${q('consumer')} = ?` +
          ` and ${q('delivered_at')} is null and ${q('available_at')} <= ?` +
          ` order by ${q('available_at')} asc, ${q('id')} asc limit ${count(limit)}` +
          dialect.lockClause('update-skip-locked'),
      ),
    lease: (slots) =>
      remember(
        `l ${slots}`,
        () =>
          `update ${D} set ${q('claim_token')} = ?, ${q('available_at')} = ?, ${q('updated_at')} = ?` +
          ` where ${q('id')} in ${list(slots)}`,
      ),
    unseen: (limit) =>
      remember(
        `u ${limit}`,
        () =>
          `select ${O}.* from ${O} where ${col(O, 'delivered_at')} is null and not exists` +
          ` (select 1 from ${D} where ${col(D, 'consumer')} = ? and ${col(D, 'event_row_id')} = ${col(O, 'id')})` +
          ` order by ${col(O, 'id')} asc limit ${count(limit)}`,
      ),
    events: (slots) => remember(`e ${slots}`, () => `select * from ${O} where ${q('id')} in ${list(slots)}`),
    insertDeliveries: (rows) =>
      remember(`i ${rows}`, () => {
        const tuple = `(${DELIVERY_INSERT_COLUMNS.map(() => '?').join(', ')})`;
        const values = Array.from({ length: count(rows) }, () => tuple).join(', ');
        const columns = DELIVERY_INSERT_COLUMNS.map(q).join(', ');
        // MySQL/MariaDB have no ON CONFLICT: INSERT IGNORE, as Knex wrote `.onConflict().ignore()`.
        if (!returnsWritten) return `insert ignore into ${D} (${columns}) values ${values}`;
        return (
          `insert into ${D} (${columns}) values ${values}` +
          ` on conflict (${q('consumer')}, ${q('event_row_id')}) do nothing returning ${q('id')}`
        );
      }),
    claimedBy: (slots) =>
      remember(
        `c ${slots}`,
        () =>
          `select ${q('id')}, ${q('event_row_id')} from ${D} where ${q('consumer')} = ?` +
          ` and ${q('claim_token')} = ? and ${q('event_row_id')} in ${list(slots)}`,
      ),
    markDelivered: (slots) =>
      remember(
        `m ${slots}`,
        () =>
          // The claim token stays: tokens are never reused, and leaving it spares an index update.
          `update ${D} set ${q('delivered_at')} = ?, ${q('updated_at')} = ? where ${q('id')} in ${list(slots)}`,
      ),
    completeEvents: (slots) =>
      remember(
        `d ${slots}`,
        () =>
          // Done when no registered consumer lacks a delivered row for the event.
          `update ${O} set ${q('delivered_at')} = ?, ${q('updated_at')} = ? where ${col(O, 'id')} in ${list(slots)}` +
          ` and ${col(O, 'delivered_at')} is null and not exists (select 1 from ${C} where not exists` +
          ` (select 1 from ${D} where ${col(D, 'consumer')} = ${col(C, 'name')}` +
          ` and ${col(D, 'event_row_id')} = ${col(O, 'id')} and ${col(D, 'delivered_at')} is not null))`,
      ),
  };
}
