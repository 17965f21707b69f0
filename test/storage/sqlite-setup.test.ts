/** SQLite specifics: the default file, WAL, pragmas, in-memory use, and telling instances from configs. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { assertDriverInstalled } from '../../src/storage/driver-check.js';
import { createKnexStore, isKnexInstance, type KnexStore } from '../../src/storage/index.js';

async function pragma(store: KnexStore, name: string): Promise<unknown> {
  const rows: Record<string, unknown>[] = await store.knex.raw(`pragma ${name}`);
  return Object.values(rows[0] ?? {})[0];
}

describe('SQLite set-up', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('defaults to ./midtrans.sqlite in WAL mode with foreign keys and a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'midtrans-kit-default-'));
    const previous = process.cwd();
    process.chdir(dir);
    cleanups.push(() => {
      process.chdir(previous);
      rmSync(dir, { recursive: true, force: true });
    });
    const store = createKnexStore();
    cleanups.push(() => store.close());

    await store.migrate();
    await store.payments.insert({ orderId: 'DEFAULT-1', grossAmount: 1 });
    expect(store.dialect).toBe('sqlite');
    expect(existsSync(join(dir, 'midtrans.sqlite'))).toBe(true);
    expect(await pragma(store, 'journal_mode')).toBe('wal');
    expect(await pragma(store, 'foreign_keys')).toBe(1);
    expect(await pragma(store, 'busy_timeout')).toBe(5000);
    expect(store.tables.payments).toBe('midtrans_payments');
    expect(store.migrationTableName).toBe('midtrans_kit_migrations');
  });

  it('works in memory (no WAL there) and closes the instance it opened', async () => {
    const store = createKnexStore({
      database: { client: 'better-sqlite3', connection: { filename: ':memory:' } },
    });
    await store.migrate();
    const payment = await store.payments.insert({ orderId: 'MEM-1', grossAmount: 7 });
    expect((await store.payments.findById(payment.id))?.grossAmount).toBe(7);
    expect(await pragma(store, 'journal_mode')).toBe('memory');
    expect(await pragma(store, 'foreign_keys')).toBe(1);
    await store.close();
    await store.close();
    await expect(store.knex.raw('select 1')).rejects.toThrow();
  });

  it("keeps a host's afterCreate hook running after its own pragmas", async () => {
    const seen: string[] = [];
    const store = createKnexStore({
      database: {
        client: 'better-sqlite3',
        connection: { filename: ':memory:' },
        pool: {
          afterCreate: (connection: unknown, done: (error: Error | null, connection: unknown) => void) => {
            seen.push('host');
            done(null, connection);
          },
        },
      },
    });
    cleanups.push(() => store.close());
    await store.knex.raw('select 1');
    expect(seen).toEqual(['host']);
    expect(await pragma(store, 'foreign_keys')).toBe(1);
  });

  it('tells a Knex instance from a config, and rejects what is neither', () => {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    cleanups.push(() => knex.destroy());
    expect(isKnexInstance(knex)).toBe(true);
    expect(isKnexInstance({ client: 'better-sqlite3', connection: { filename: ':memory:' } })).toBe(false);
    expect(isKnexInstance(() => undefined)).toBe(false);
    expect(isKnexInstance(null)).toBe(false);
    expect(() => createKnexStore({ database: {} })).toThrow(ConfigError);
    expect(() => createKnexStore({ tablePrefix: 'Bad-Prefix' })).toThrow(ConfigError);
  });

  it('names a missing driver package and the command that installs it, before any query', () => {
    // Neither `mysql` nor `sqlite3` is installed here (the kit's tests use mysql2 and better-sqlite3).
    const missing = (client: string) => () => createKnexStore({ database: { client, connection: {} } });
    expect(missing('mysql')).toThrow(ConfigError);
    expect(missing('mysql')).toThrow(
      'client "mysql" needs the "mysql" package, which is not installed: run npm install mysql',
    );
    expect(missing('sqlite3')).toThrow('npm install sqlite3');
    expect(() => assertDriverInstalled('postgresql', (name) => name !== 'pg')).toThrow('npm install pg');
    expect(() => assertDriverInstalled('pg', () => true)).not.toThrow();
  });

  it('rejects databases other than SQLite, MySQL/MariaDB and PostgreSQL', () => {
    expect(() => createKnexStore({ database: { client: 'mssql' } })).toThrow(
      /unsupported Knex client "mssql"/,
    );
  });
});
