/**
 * The generic part of every repository: insert, find (optionally locked), update with version
 * check, and keyset pages, over one table through its codec. Entity repositories add their lookups.
 */
import type { Knex } from 'knex';
import { ConflictError, NotFoundError } from '../errors.js';
import { type RecordCodec, type Row, storableRow } from './codec.js';
import { toConflict, type UniqueKey } from './conflicts.js';
import { runRecoverable, type StoreContext } from './context.js';
import type { LockMode } from './dialect.js';
import { newId } from './ids.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest, pageSize } from './paging.js';
import type { StoredRecord, UpdateOptions } from './records/common.js';
import { limitRows } from './row-limit.js';

/** Narrows a query (adds where clauses). */
export type QueryFilter = (query: Knex.QueryBuilder) => void;

/** `column = value`: a filter `findOne` runs as the store's own statement (no query builder). */
export interface EqualityFilter extends QueryFilter {
  /** The column compared. */
  readonly column: string;
  /** The value it must equal. */
  readonly value: string;
}

/** A filter for `column = value`. */
export function whereEquals(column: string, value: string): EqualityFilter {
  return Object.assign(
    (query: Knex.QueryBuilder) => {
      query.where(column, value);
    },
    { column, value },
  );
}

function isEquality(filter: QueryFilter | EqualityFilter): filter is EqualityFilter {
  return 'column' in filter;
}

/** Order of a keyset list: a timestamp field, then id, both in one direction. */
export interface KeysetOrder<T> {
  /** The timestamp field sorted on. */
  readonly field: keyof T & string;
  /** `desc` for newest first. */
  readonly direction: 'asc' | 'desc';
}

/** Generic table operations for one entity. */
export interface TableAccess<T extends StoredRecord> {
  /** The entity's codec. */
  readonly codec: RecordCodec<T>;
  /** Build a full record from insert input: null for absent fields, then defaults, then the input. */
  build(input: Partial<T> & { id?: string; createdAt?: Date }, defaults: Partial<T>): T;
  /** Insert a full record; a unique violation becomes a ConflictError. */
  insert(record: T): Promise<T>;
  /** First row matching `filter`, optionally locked (only inside a transaction). */
  findOne(filter: QueryFilter | EqualityFilter, lock?: LockMode): Promise<T | undefined>;
  /** Whether a row matches `filter` (reads its id only). */
  exists(filter: EqualityFilter): Promise<boolean>;
  /** Rows matching `filter` in the given order, optionally locked. */
  findMany(filter: QueryFilter, lock?: LockMode): Promise<T[]>;
  /** Update by id; bumps `version` when `versioned`. NotFoundError / ConflictError as documented. */
  update(id: string, patch: Partial<T>, options?: UpdateOptions): Promise<T>;
  /** One keyset page. */
  page(filter: QueryFilter, order: KeysetOrder<T>, request: PageRequest): Promise<Page<T>>;
  /** Forget what this transaction knows of rows written behind `update`'s back (bulk updates). */
  forget(ids: readonly string[]): void;
}

const MANAGED_COLUMNS = ['id', 'created_at', 'updated_at', 'version'];

// Records `build` gave a fresh random id: their insert cannot meet a taken id. One set for every
// table access (each transaction builds its own accesses; a weak set each was garbage-collector work).
const generatedIds = new WeakSet<object>();

/** Create the table access of an entity. `versioned` tables have a `version` column. */
export function createTableAccess<T extends StoredRecord>(
  ctx: StoreContext,
  codec: RecordCodec<T>,
  keys: readonly UniqueKey<T>[],
  versioned: boolean,
): TableAccess<T> {
  const table = (): Knex.QueryBuilder => ctx.db(codec.table);
  const decode = (rows: Row[]): T[] => rows.map((row) => codec.fromRow(row));
  const assertLockable = (lock: LockMode | undefined): void => {
    if (lock !== undefined && ctx.transaction === undefined) {
      throw new Error('Locking reads are only available inside store.transaction');
    }
  };
  const locked = (query: Knex.QueryBuilder, lock: LockMode | undefined): Knex.QueryBuilder => {
    assertLockable(lock);
    return lock === undefined ? query : ctx.dialect.lock(query, lock);
  };
  // A unique violation becomes a ConflictError naming the field. Only an insert that can meet one
  // (the table has unique keys, or the caller chose the id) runs recoverably — on PostgreSQL in a
  // savepoint, two more round trips and a nested Knex transaction — so the caller can go on in
  // the same transaction (lockOrCreatePayment does). Updates never do: a conflict there ends the
  // transaction on PostgreSQL, and no caller continues after one.
  // One promise more than the statement's own, not an async function's two (a webhook writes four rows).
  const guard = <R>(values: Partial<T>, recoverable: boolean, statement: () => Promise<R>): Promise<R> => {
    let running: Promise<R>;
    try {
      running = recoverable ? runRecoverable(ctx, statement) : statement();
    } catch (error) {
      running = Promise.reject(error);
    }
    return running.catch((error: unknown) => {
      throw toConflict(error, ctx.dialect, codec, keys, values) ?? error;
    });
  };
  // Rows this transaction holds locked, as they are in the database now. Nobody else can change
  // them before commit (FOR UPDATE; SQLite's single writer), so an update of one is answered from
  // here instead of being read back: one statement less per change.
  const held = new Map<string, Row>();
  const hold = (rows: Row[], lock: LockMode | undefined): Row[] => {
    if (lock !== undefined) for (const row of rows) held.set(String(row.id), row);
    return rows;
  };
  const findOne = async (filter: QueryFilter | EqualityFilter, lock?: LockMode): Promise<T | undefined> => {
    let rows: Row[];
    if (isEquality(filter)) {
      assertLockable(lock);
      rows = await ctx.run.rows(ctx.target, ctx.sql.selectOne(codec.table, filter.column, lock), [
        filter.value,
      ]);
    } else {
      const query = table().select('*');
      filter(query);
      rows = await locked(limitRows(query, 1), lock);
    }
    return decode(hold(rows, lock))[0];
  };
  // The store's own statement for a row: its columns in order, then `extra` values after them.
  const written = (row: Row, extra: readonly unknown[] = []) => {
    const columns = Object.keys(row);
    return { columns, values: [...columns.map((column) => row[column]), ...extra] };
  };
  const reread = async (id: string): Promise<T | undefined> => {
    held.delete(id);
    return findOne((query) => query.where('id', id));
  };

  return {
    codec,
    build(input, defaults) {
      const record = codec.blank();
      Object.assign(record, defaults);
      for (const [field, value] of Object.entries(input)) if (value !== undefined) record[field] = value;
      const createdAt = input.createdAt ?? ctx.now();
      // The id takes the real time, not a caller-given createdAt: it orders rows by insertion.
      Object.assign(record, { id: input.id ?? newId(), createdAt, updatedAt: createdAt });
      if (input.id === undefined) generatedIds.add(record);
      if (versioned) record.version = 1;
      return record as T;
    },
    async insert(record) {
      const row = storableRow(codec.toRow(record), ctx.dialect.storableText);
      const { columns, values } = written(row);
      const sql = ctx.sql.insert(codec.table, columns);
      await guard(record, keys.length > 0 || !generatedIds.has(record), () =>
        ctx.run.write(ctx.target, sql, values),
      );
      // Read back through the codec so the caller sees exactly what a later read would return.
      return codec.fromRow(row);
    },
    findOne,
    async exists(filter) {
      const sql = ctx.sql.selectId(codec.table, filter.column);
      return (await ctx.run.rows(ctx.target, sql, [filter.value])).length > 0;
    },
    async findMany(filter, lock) {
      const query = table().select('*');
      filter(query);
      return decode(hold(await locked(query, lock), lock));
    },
    async update(id, patch, options = {}) {
      const row = storableRow(codec.toRow(patch), ctx.dialect.storableText);
      for (const column of MANAGED_COLUMNS) delete row[column];
      row.updated_at = ctx.now();
      const before = held.get(id);
      // Not held: where the database can, the update hands back the row (no read-back statement).
      const returning = before === undefined && ctx.dialect.updateReturnsRows;
      const checkVersion = options.expectedVersion !== undefined;
      const { columns, values } = written(row, checkVersion ? [id, options.expectedVersion] : [id]);
      const sql = ctx.sql.update(codec.table, columns, { bumpVersion: versioned, checkVersion, returning });
      const result = await guard(
        patch,
        false,
        (): Promise<number | Row[]> =>
          returning ? ctx.run.rows(ctx.target, sql, values) : ctx.run.write(ctx.target, sql, values),
      );
      const changed = Array.isArray(result) ? result.length : result;
      if (Array.isArray(result) && result[0] !== undefined) return codec.fromRow(result[0]);
      if (before !== undefined && changed === 1) {
        const after: Row = { ...before, ...row };
        if (versioned) after.version = Number(before.version) + 1;
        held.set(id, after);
        return codec.fromRow(after);
      }
      const current = await reread(id);
      if (current === undefined) throw new NotFoundError(`No ${codec.entity} with id "${id}"`);
      if (changed === 0 && options.expectedVersion !== undefined) {
        throw toStaleVersion(codec.entity, id, options.expectedVersion, current);
      }
      return current;
    },
    forget(ids) {
      for (const id of ids) held.delete(id);
    },
    async page(filter, order, request) {
      const limit = pageSize(request.limit);
      const column = codec.column(order.field);
      const after = order.direction === 'desc' ? '<' : '>';
      const query = table().select('*');
      filter(query);
      if (request.cursor) {
        const { at, id } = decodeCursor(request.cursor);
        query.where((outer) =>
          outer.where(column, after, at).orWhere((tie) => tie.where(column, at).andWhere('id', after, id)),
        );
      }
      query.orderBy([
        { column, order: order.direction },
        { column: 'id', order: order.direction },
      ]);
      // One row more than asked tells whether another page follows, without a count.
      const rows: Row[] = await limitRows(query, limit + 1);
      const items = decode(rows.slice(0, limit));
      const last = rows.length > limit ? items.at(-1) : undefined;
      const at = last?.[order.field];
      return {
        items,
        nextCursor: last !== undefined && at instanceof Date ? encodeCursor({ at, id: last.id }) : null,
      };
    },
  };
}

function toStaleVersion(entity: string, id: string, expected: number, current: StoredRecord): Error {
  const actual = Reflect.get(current, 'version');
  return new ConflictError(
    `The ${entity} "${id}" changed meanwhile (version ${String(actual)}, expected ${expected})`,
  );
}
