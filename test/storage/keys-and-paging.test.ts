/** Ids, cursors, table names, migration configuration and duplicate-key recognition. */
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import {
  createMigrationSource,
  DEFAULT_MIGRATION_TABLE_NAME,
  migrationConfig,
} from '../../migrations/index.js';
import { ConfigError, ConflictError, ValidationError } from '../../src/errors.js';
import { createCodec } from '../../src/storage/codec.js';
import { toConflict } from '../../src/storage/conflicts.js';
import { type Dialect, dialectOf } from '../../src/storage/dialect.js';
import { newId } from '../../src/storage/ids.js';
import { decodeCursor, encodeCursor, pageSize } from '../../src/storage/paging.js';
import { migrationTableName, tableNames } from '../../src/storage/tables.js';
import { MIGRATION_NAMES } from './fixtures.js';

describe('newId', () => {
  it('makes version-7 UUIDs that sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^018bcfe5-6800-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId(1_700_000_000_001) > (ids.at(-1) ?? '')).toBe(true);
  });
});

describe('cursors and page sizes', () => {
  it('round-trips a position and rejects anything else', () => {
    const position = { at: new Date('2025-01-01T00:00:00.123Z'), id: '018bcfe5-6800-7000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    for (const bad of [
      '',
      'x',
      Buffer.from('12:bad id').toString('base64url'),
      Buffer.from(':a').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(ValidationError);
    }
  });

  it('defaults to 50 and accepts 1 to 1000', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(1000)).toBe(1000);
    for (const bad of [0, -1, 1001, 2.5]) expect(() => pageSize(bad)).toThrow(ValidationError);
  });
});

describe('table names and migrations', () => {
  it('prefixes every table and names the history table after the prefix', () => {
    expect(tableNames()).toMatchObject({ payments: 'midtrans_payments', outbox: 'midtrans_outbox_events' });
    expect(tableNames('shop_').invoiceItems).toBe('shop_invoice_items');
    expect(tableNames('').payments).toBe('payments');
    expect(migrationTableName()).toBe(DEFAULT_MIGRATION_TABLE_NAME);
    expect(migrationTableName('shop_')).toBe('shop_kit_migrations');
  });

  it('refuses prefixes that could break identifiers', () => {
    for (const bad of ['Midtrans_', '1abc', 'a-b', 'a b', 'x'.repeat(25), 'drop table;']) {
      expect(() => tableNames(bad)).toThrow(ConfigError);
      expect(() => createMigrationSource({ tablePrefix: bad })).toThrow(ConfigError);
    }
  });

  it('gives knex.migrate a source and the kit history table', async () => {
    const config = migrationConfig();
    expect(config.tableName).toBe('midtrans_kit_migrations');
    const source = createMigrationSource();
    const migrations = await source.getMigrations([]);
    expect(migrations.map((m) => source.getMigrationName(m))).toEqual(MIGRATION_NAMES);
  });
});

describe('duplicate keys', () => {
  const codec = createCodec<{ id: string; orderId: string }>('payment', 'p_payments', {
    id: 'text',
    orderId: 'text',
  });
  const keys = [{ field: 'orderId' as const, name: 'p_payments_order_id_uq' }];
  const dialect = (detail: string | undefined): Dialect =>
    ({ uniqueViolation: () => detail }) as unknown as Dialect;

  it('names the field from a key name, a SQLite column or the primary key', () => {
    const values = { id: 'i-1', orderId: 'ORDER-1' };
    expect(toConflict(new Error(), dialect('p_payments_order_id_uq'), codec, keys, values)?.message).toBe(
      'A payment with orderId "ORDER-1" already exists',
    );
    expect(toConflict(new Error(), dialect('p_payments.order_id'), codec, keys, values)?.message).toMatch(
      /orderId/,
    );
    expect(toConflict(new Error(), dialect('PRIMARY'), codec, keys, values)?.message).toMatch(
      /with id "i-1"/,
    );
    expect(toConflict(new Error(), dialect('p_payments_pkey'), codec, keys, values)?.message).toMatch(
      /with id/,
    );
    expect(toConflict(new Error(), dialect('other'), codec, keys, values)).toBeInstanceOf(ConflictError);
    expect(toConflict(new Error(), dialect(undefined), codec, keys, values)).toBeUndefined();
  });
});

describe('dialect duplicate-key recognition', () => {
  const of = (dialect: string) => dialectOf({ client: { dialect } } as unknown as Knex);
  const error = (fields: Record<string, string>) => Object.assign(new Error(fields.message ?? 'x'), fields);

  it('reads the key from MySQL 8 and MariaDB messages', () => {
    const mysql = of('mysql');
    expect(mysql.name).toBe('mysql');
    const mysql8 = error({
      code: 'ER_DUP_ENTRY',
      sqlMessage: "Duplicate entry 'a.b' for key 't_payments.t_payments_order_id_uq'",
    });
    expect(mysql.uniqueViolation(mysql8)).toBe('t_payments_order_id_uq');
    const mariadb = error({
      code: 'ER_DUP_ENTRY',
      sqlMessage: "Duplicate entry 'x' for key 't_refunds_refund_key_uq'",
    });
    expect(mysql.uniqueViolation(mariadb)).toBe('t_refunds_refund_key_uq');
    expect(mysql.uniqueViolation(error({ code: 'ER_NO_REFERENCED_ROW_2' }))).toBeUndefined();
  });

  it('reads the constraint (or the key columns) from PostgreSQL errors', () => {
    const postgres = of('postgresql');
    expect(postgres.uniqueViolation(error({ code: '23505', constraint: 't_payments_pkey' }))).toBe(
      't_payments_pkey',
    );
    expect(
      postgres.uniqueViolation(error({ code: '23505', detail: 'Key (order_id)=(A) already exists.' })),
    ).toBe('order_id');
    expect(postgres.uniqueViolation(error({ code: '23503' }))).toBeUndefined();
  });

  it('reads table.column from SQLite messages', () => {
    const sqlite = of('sqlite3');
    const message = 'insert into `t` - UNIQUE constraint failed: t_outbox_events.event_id';
    expect(sqlite.uniqueViolation(error({ message }))).toBe('t_outbox_events.event_id');
    expect(sqlite.uniqueViolation(error({ message: 'NOT NULL constraint failed: t.x' }))).toBeUndefined();
    expect(sqlite.uniqueViolation('not an error')).toBeUndefined();
  });

  it('refuses other clients', () => {
    expect(() => of('oracle')).toThrow(ConfigError);
  });
});
