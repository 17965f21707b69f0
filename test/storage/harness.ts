/** Shared set-up of the store suite: one migrated store per test file, dropped at the end. */
import type { Knex } from 'knex';
import { afterAll, beforeAll } from 'vitest';
import { createKnexStore, type KnexStore, type KnexStoreOptions } from '../../src/storage/index.js';
import { openTestStore, type TestDatabase, type TestStore } from '../support/databases.js';

/** What the suite's test groups share. */
export interface Harness {
  /** The database under test. */
  readonly db: TestDatabase;
  /** The main store's table prefix. */
  readonly prefix: string;
  /** The main store (migrated before the first test). */
  store(): KnexStore;
  /** A value unique within this run, for order ids and keys. */
  unique(label: string): string;
  /** Another store on the same database, closed (and its tables dropped) after the file. */
  openStore(options?: KnexStoreOptions): KnexStore;
}

/** Drop a migration history table and its lock table. */
export async function dropHistory(knex: Knex, tableName: string): Promise<void> {
  await knex.schema.dropTableIfExists(tableName);
  await knex.schema.dropTableIfExists(`${tableName}_lock`);
}

/** Register the set-up and tear-down hooks and return the harness. Call inside a describe. */
export function createHarness(db: TestDatabase): Harness {
  const extra: KnexStore[] = [];
  let main: TestStore | undefined;
  let counter = 0;

  beforeAll(async () => {
    main = await openTestStore(db, db.kind);
  });

  afterAll(async () => {
    for (const store of extra) {
      await store.migrateDown().catch(() => undefined);
      await dropHistory(store.knex, store.migrationTableName).catch(() => undefined);
      await store.close();
    }
    await main?.dispose();
    db.cleanup();
  });

  const store = (): KnexStore => {
    if (main === undefined) throw new Error('store not ready');
    return main.store;
  };
  return {
    db,
    get prefix() {
      return store().tables.prefix;
    },
    store,
    unique(label) {
      counter += 1;
      return `${label}-${store().tables.prefix}${counter}`;
    },
    openStore(options = {}) {
      const store = createKnexStore({ database: db.config(), ...options });
      extra.push(store);
      return store;
    },
  };
}
