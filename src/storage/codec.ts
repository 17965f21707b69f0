/**
 * Row ⇄ record mapping. Each entity declares, per camelCase field, what kind of value it holds; the
 * column is the field in snake_case. Writing checks values (money must be a safe integer, JSON must
 * serialise); reading normalises whatever the driver returned (strings for BIGINT, 0/1 for booleans,
 * text for JSON, numbers for SQLite timestamps) into one typed record.
 */

import { assertAmount } from '../domain/money.js';
import { ValidationError } from '../errors.js';
import { readDate } from './dates.js';
import { readSafeInteger } from './integers.js';
import { decodeJson, encodeJson } from './json.js';

/** What a column holds. `money` is whole Rupiah in a BIGINT; `integer` is a count. */
export type ColumnKind = 'text' | 'money' | 'integer' | 'boolean' | 'json' | 'date';

/** The kind of every field of a record type. */
export type ColumnSpec<T> = { readonly [K in keyof T]-?: ColumnKind };

/** A database row as the driver returns it. */
export type Row = Record<string, unknown>;

/** Maps one entity between its record type and its table's rows. */
export interface RecordCodec<T> {
  /** Entity name used in error messages, e.g. `payment`. */
  readonly entity: string;
  /** Physical table name. */
  readonly table: string;
  /** Every field of the record, in declaration order. */
  readonly fields: readonly (keyof T & string)[];
  /** Column name of a field. */
  column(field: keyof T & string): string;
  /** Encode the defined fields of `values` into a row; undefined fields are left out. */
  toRow(values: Partial<T>): Row;
  /** Decode a full row into a record. */
  fromRow(row: Row): T;
  /** A new object with every field null, in the codec's field order (the shape records start from). */
  blank(): Record<string, unknown>;
}

/** Column name of a camelCase field: `customField1` → `custom_field1`. */
export function toColumnName(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

// Repositories are built per transaction; a codec depends only on (spec, table, entity) and is
// immutable, so each is built once per process instead of on every transaction.
const codecs = new WeakMap<object, Map<string, unknown>>();

/** Build (or reuse) the codec of an entity stored in `table`. */
export function createCodec<T>(entity: string, table: string, spec: ColumnSpec<T>): RecordCodec<T> {
  let byTable = codecs.get(spec);
  if (byTable === undefined) {
    byTable = new Map();
    codecs.set(spec, byTable);
  }
  const key = `${entity}\u0000${table}`;
  const cached = byTable.get(key) as RecordCodec<T> | undefined;
  if (cached !== undefined) return cached;
  const codec = buildCodec(entity, table, spec);
  byTable.set(key, codec);
  return codec;
}

function buildCodec<T>(entity: string, table: string, spec: ColumnSpec<T>): RecordCodec<T> {
  const fields = Object.keys(spec) as (keyof T & string)[];
  const columns = new Map(fields.map((field) => [field, toColumnName(field)]));
  const columnOf = (field: keyof T & string): string => columns.get(field) ?? toColumnName(field);
  // Walked for every row read or written (a payment has 50 fields): one array, no lookups.
  const plan = fields.map((field) => ({ field, column: columnOf(field), kind: spec[field] }));
  // Writes walk the values' own fields instead (a patch names a few of a payment's 50 fields).
  const planOf = new Map(plan.map((entry) => [entry.field as string, entry]));
  // Every record starts as a copy of this (all fields null): the copy has the record's final shape
  // at once, where adding 50 fields one by one reshaped it 50 times (a third of a row's decoding).
  const empty: Readonly<Record<string, null>> = Object.fromEntries(fields.map((field) => [field, null]));

  return {
    entity,
    table,
    fields,
    column: columnOf,
    toRow(values) {
      const row: Row = {};
      for (const field in values) {
        const entry = planOf.get(field);
        if (entry === undefined) continue;
        const value = values[entry.field];
        if (value === undefined) continue;
        row[entry.column] = value === null ? null : encodeValue(entry.kind, value, entry.field);
      }
      return row;
    },
    blank: () => ({ ...empty }),
    fromRow(row) {
      const record: Record<string, unknown> = { ...empty };
      for (const { field, column, kind } of plan) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        record[field] =
          readCommon(kind, value) ?? decodeValue(kind, value, `${table}.${column} (id ${String(row.id)})`);
      }
      return record as T;
    },
  };
}

/**
 * The value as `decodeValue` would give it, for what drivers return most (text, numbers, JSON
 * text); `undefined` sends anything else, and every failure, to `decodeValue`, which names the
 * column in its error. Saves building that name for each of a row's fields.
 */
function readCommon(kind: ColumnKind, value: unknown): unknown {
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? value : undefined;
    case 'money':
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    case 'date': {
      if (typeof value !== 'number')
        return value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined;
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? undefined : date;
    }
    case 'json':
      return typeof value === 'string' ? parseDocument(value) : undefined;
    case 'boolean':
      return value === 1 ? true : value === 0 ? false : typeof value === 'boolean' ? value : undefined;
  }
}

function parseDocument(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function encodeValue(kind: ColumnKind, value: unknown, field: string): unknown {
  switch (kind) {
    case 'money':
      return assertAmount(value, field, 0);
    case 'integer':
      if (!Number.isSafeInteger(value))
        throw new ValidationError({ field, reason: 'must be a safe integer' });
      return value;
    case 'json':
      return encodeJson(value, field);
    case 'date':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
        throw new ValidationError({ field, reason: 'must be a valid Date' });
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw new ValidationError({ field, reason: 'must be true or false' });
      return value;
    case 'text':
      if (typeof value !== 'string') throw new ValidationError({ field, reason: 'must be a string' });
      return value;
  }
}

function decodeValue(kind: ColumnKind, value: unknown, location: string): unknown {
  switch (kind) {
    case 'money':
    case 'integer':
      return readSafeInteger(value, location);
    case 'json':
      return decodeJson(value, location);
    case 'date':
      return readDate(value, location);
    case 'boolean':
      return readBoolean(value, location);
    case 'text':
      return readText(value, location);
  }
}

function readBoolean(value: unknown, location: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 1n || value === '1' || value === 't' || value === 'true') return true;
  if (value === 0 || value === 0n || value === '0' || value === 'f' || value === 'false') return false;
  throw new TypeError(`${location}: ${String(value)} is not a boolean`);
}

function readText(value: unknown, location: string): string {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new TypeError(`${location}: expected text, got ${typeof value}`);
}

/** `storableText` of a database that keeps any text as given (SQLite, MySQL/MariaDB). */
export const keepText = (text: string): string => text;

/**
 * The row as the database will keep it: every text value passed through `storableText` (the
 * dialect's, e.g. PostgreSQL's NUL replacement). Applied to every written row, so what `insert`
 * hands back is what a later read returns.
 */
export function storableRow(row: Row, storableText: (text: string) => string): Row {
  if (storableText === keepText) return row;
  for (const column in row) {
    const value = row[column];
    if (typeof value === 'string') row[column] = storableText(value);
  }
  return row;
}
