/**
 * The databases storage and integration tests run on: SQLite always, MariaDB/MySQL and PostgreSQL
 * from env (`MIDTRANS_TEST_MYSQL_URL`, `MIDTRANS_TEST_PG_URL`). A server that cannot be reached
 * fails the tests under CI (`CI=true`) and skips them, with the reason in the title, elsewhere.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { describe, it } from 'vitest';
import { createKnexStore, type KnexStore, type KnexStoreOptions } from '../../src/storage/index.js';

/** Every database family the matrix runs on. */
export const TEST_DATABASE_KINDS = ['sqlite', 'mariadb', 'postgres'] as const;

/** The database families under test. */
export type TestDatabaseKind = (typeof TEST_DATABASE_KINDS)[number];

/** Default MariaDB/MySQL URL when `MIDTRANS_TEST_MYSQL_URL` is unset. */
export const DEFAULT_MYSQL_URL = 'mysql://root@127.0.0.1:3306/test';
/** Default PostgreSQL URL when `MIDTRANS_TEST_PG_URL` is unset. */
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** One database a test file can use. */
export interface TestDatabase {
  /** Which family. */
  readonly kind: TestDatabaseKind;
  /** A fresh Knex config for it (each call may be turned into its own Knex instance). */
  config(): Knex.Config;
  /** Why it cannot be used, or undefined when it answered the probe. */
  readonly unavailable: string | undefined;
  /** Remove files the database left behind (SQLite); a no-op for servers. */
  cleanup(): void;
}

/** A short table prefix unique to one test file run, e.g. `t_mariadb_3fa9c1_`. */
export function testTablePrefix(label: string): string {
  const safe = label
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 10);
  return `t_${safe}_${randomBytes(3).toString('hex')}_`;
}

/** Knex config for a family; SQLite gets a fresh temporary file unless `sqliteFile` is given. */
export function testDatabaseConfig(kind: TestDatabaseKind, sqliteFile?: string): Knex.Config {
  if (kind === 'mariadb') {
    return {
      client: 'mysql2',
      connection: process.env.MIDTRANS_TEST_MYSQL_URL ?? DEFAULT_MYSQL_URL,
      pool: { min: 0, max: 6 },
    };
  }
  if (kind === 'postgres') {
    return {
      client: 'pg',
      connection: process.env.MIDTRANS_TEST_PG_URL ?? DEFAULT_PG_URL,
      pool: { min: 0, max: 6 },
    };
  }
  return {
    client: 'better-sqlite3',
    connection: { filename: sqliteFile ?? tempSqliteFile() },
    useNullAsDefault: true,
  };
}

/** A path for a new SQLite file in the temp directory. */
export function tempSqliteFile(): string {
  return join(tmpdir(), `midtrans-kit-test-${process.pid}-${randomBytes(4).toString('hex')}.sqlite`);
}

/** Check that a database answers `select 1`; resolves to the reason when it does not. */
export async function probeDatabase(config: Knex.Config): Promise<string | undefined> {
  const knex = knexFactory({ ...config, acquireConnectionTimeout: 5000, pool: { min: 0, max: 1 } });
  try {
    await knex.raw('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await knex.destroy();
  }
}

/** Describe (and probe) a test database. SQLite uses one temporary file per call. */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  const sqliteFile = kind === 'sqlite' ? tempSqliteFile() : undefined;
  const config = () => testDatabaseConfig(kind, sqliteFile);
  const unavailable = await probeDatabase(config());
  return {
    kind,
    config,
    unavailable,
    cleanup() {
      if (sqliteFile === undefined) return;
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${suffix}`, { force: true });
    },
  };
}

/**
 * `describe` that needs `database`. When it is unreachable: under CI one failing test says why;
 * otherwise the block is skipped with the reason in its title (and a warning on stderr).
 */
export function describeWithDatabase(database: TestDatabase, title: string, body: () => void): void {
  const reason = database.unavailable;
  if (reason === undefined) {
    describe(title, body);
  } else if (process.env.CI === 'true') {
    describe(title, () => {
      it(`${database.kind} is reachable`, () => {
        throw new Error(`${database.kind} is unreachable under CI: ${reason}`);
      });
    });
  } else {
    console.warn(`[midtrans-kit tests] skipping "${title}": ${database.kind} unreachable (${reason})`);
    describe.skip(`${title} — skipped: ${database.kind} unreachable (${reason})`, body);
  }
}

/** A migrated store on a test database, with its own table prefix. */
export interface TestStore {
  /** The store. */
  readonly store: KnexStore;
  /** Roll back its migrations, drop its history table and close it. */
  dispose(): Promise<void>;
}

/**
 * Open a store on `database` with a fresh prefix derived from `label` (so test files sharing a
 * server never see each other's rows) and migrate it.
 */
export async function openTestStore(
  database: TestDatabase,
  label: string,
  options: Omit<KnexStoreOptions, 'database'> = {},
): Promise<TestStore> {
  const store = createKnexStore({
    tablePrefix: testTablePrefix(label),
    ...options,
    database: database.config(),
  });
  await store.migrate();
  return {
    store,
    async dispose() {
      try {
        await store.migrateDown();
        await store.knex.schema.dropTableIfExists(store.migrationTableName);
        await store.knex.schema.dropTableIfExists(`${store.migrationTableName}_lock`);
      } finally {
        await store.close();
      }
    },
  };
}
