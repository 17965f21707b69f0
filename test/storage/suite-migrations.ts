/** Migrations: own history table, up/down/up, prefixes side by side, a host's Knex and migrations. */
import knexFactory, { type Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { migrationConfig } from '../../migrations/index.js';
import type { KnexStore, TableNames } from '../../src/storage/index.js';
import { testTablePrefix } from '../support/databases.js';
import { MIGRATION_NAMES } from './fixtures.js';
import { dropHistory, type Harness } from './harness.js';

const TABLE_KEYS = [
  'payments',
  'refunds',
  'invoices',
  'invoiceItems',
  'subscriptions',
  'notifications',
  'paymentEvents',
  'outbox',
  'gopayAccounts',
] as const satisfies readonly (keyof TableNames)[];

async function tablesPresent(store: KnexStore): Promise<boolean[]> {
  return Promise.all(TABLE_KEYS.map((key) => store.knex.schema.hasTable(store.tables[key])));
}

/** A host's own migration set: one table, recorded in the host's history table. */
function hostMigrations(table: string, tableName: string): Knex.MigratorConfig {
  const migration = {
    up: (knex: Knex) => knex.schema.createTable(table, (t) => t.increments('id')),
    down: (knex: Knex) => knex.schema.dropTable(table),
  };
  return {
    tableName,
    migrationSource: {
      getMigrations: async () => ['host_001_widgets'],
      getMigrationName: (name: string) => name,
      getMigration: async () => migration,
    },
  };
}

/** Register the migration tests. */
export function registerMigrationTests(h: Harness): void {
  describe('migrations', () => {
    it('records its history in its own table, named after the prefix', async () => {
      const store = h.store();
      expect(store.migrationTableName).toBe(`${h.prefix}kit_migrations`);
      const names = await store.knex(store.migrationTableName).pluck('name');
      expect(names).toEqual(MIGRATION_NAMES);
      expect(await store.migrate()).toEqual({ applied: [] });
      expect(await store.knex(store.migrationTableName).pluck('name')).toEqual(MIGRATION_NAMES);
    });

    it('goes up, down and up again', async () => {
      const store = h.openStore({ tablePrefix: testTablePrefix('updown') });
      await store.migrate();
      expect(await tablesPresent(store)).toEqual(TABLE_KEYS.map(() => true));
      await store.migrateDown();
      expect(await tablesPresent(store)).toEqual(TABLE_KEYS.map(() => false));
      expect(await store.migrate()).toEqual({ applied: MIGRATION_NAMES });
      expect(await tablesPresent(store)).toEqual(TABLE_KEYS.map(() => true));
      await expect(
        store.payments.insert({ orderId: 'after-up-again', grossAmount: 1 }),
      ).resolves.toBeDefined();
    });

    it.skipIf(h.db.kind === 'sqlite')('lets two stores migrate the same tables at once', async () => {
      const tablePrefix = testTablePrefix('race');
      const [first, second] = [h.openStore({ tablePrefix }), h.openStore({ tablePrefix })];
      await Promise.all([first.migrate(), second.migrate()]);
      expect(await tablesPresent(second)).toEqual(TABLE_KEYS.map(() => true));
      expect(await first.knex(first.migrationTableName).pluck('name')).toEqual(MIGRATION_NAMES);
    });

    it('keeps two prefixes in one database apart', async () => {
      const main = h.store();
      const other = h.openStore({ tablePrefix: testTablePrefix('other') });
      await other.migrate();
      const orderId = h.unique('TWIN');
      const mine = await main.payments.insert({ orderId, grossAmount: 1, userId: 'twin-user' });
      const theirs = await other.payments.insert({ orderId, grossAmount: 2, userId: 'twin-user' });

      expect((await main.payments.findByOrderId(orderId))?.id).toBe(mine.id);
      expect((await other.payments.findByOrderId(orderId))?.id).toBe(theirs.id);
      expect((await other.payments.list({ userId: 'twin-user' })).items.map((p) => p.id)).toEqual([
        theirs.id,
      ]);
      expect(await other.knex(other.migrationTableName).pluck('name')).toEqual(MIGRATION_NAMES);
    });

    it("shares a host's Knex instance and leaves it open on close", async () => {
      const host = knexFactory(h.db.config());
      try {
        const { createKnexStore } = await import('../../src/storage/index.js');
        const store = createKnexStore({ database: host, tablePrefix: h.prefix });
        const payment = await store.payments.insert({ orderId: h.unique('HOST'), grossAmount: 5 });
        expect(store.knex).toBe(host);
        await store.close();
        expect(await host(h.store().tables.payments).where('id', payment.id).pluck('id')).toEqual([
          payment.id,
        ]);
      } finally {
        await host.destroy();
      }
    });

    it("runs beside a host's own migrations and history table", async () => {
      const host = knexFactory(h.db.config());
      const prefix = testTablePrefix('host');
      // SQLite has a file to itself, so it can use Knex's real default name.
      const hostHistory = h.db.kind === 'sqlite' ? 'knex_migrations' : `${prefix}knex_migrations`;
      const hostConfig = hostMigrations(`${prefix}widgets`, hostHistory);
      const kitConfig = migrationConfig({ tablePrefix: prefix });
      try {
        await host.migrate.latest(hostConfig);
        await host.migrate.latest(kitConfig);
        await host.migrate.latest(hostConfig);

        expect(await host(hostHistory).pluck('name')).toEqual(['host_001_widgets']);
        expect(await host(String(kitConfig.tableName)).pluck('name')).toEqual(MIGRATION_NAMES);
        expect(await host.schema.hasTable(`${prefix}payments`)).toBe(true);
        // Why the kit has its own table: Knex refuses a history that lists names its source lacks.
        await expect(host.migrate.latest({ ...kitConfig, tableName: hostHistory })).rejects.toThrow(
          /corrupt/,
        );
      } finally {
        await host.migrate.rollback(kitConfig, true);
        await host.migrate.rollback(hostConfig, true);
        await dropHistory(host, String(kitConfig.tableName));
        await dropHistory(host, hostHistory);
        await host.destroy();
      }
    });
  });
}
