/**
 * `migrate()` on MySQL/MariaDB and PostgreSQL holds a lock on one connection while it migrates on
 * another: with a one-connection pool it is refused at once, with a ConfigError saying why,
 * instead of waiting for itself until Knex's acquire timeout. SQLite migrates on its one.
 */
import knexFactory from 'knex';
import { expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { createKnexStore } from '../../src/storage/index.js';
import {
  describeWithDatabase,
  openTestDatabase,
  TEST_DATABASE_KINDS,
  testTablePrefix,
} from '../support/databases.js';

for (const kind of TEST_DATABASE_KINDS) {
  const database = await openTestDatabase(kind);
  describeWithDatabase(database, `migrate() with a one-connection pool on ${kind}`, () => {
    it(
      kind === 'sqlite' ? 'migrates' : 'is refused at once with a ConfigError naming the pool size',
      async () => {
        const config = database.config();
        const knex = knexFactory({ ...config, pool: { ...config.pool, min: 0, max: 1 } });
        const store = createKnexStore({ database: knex, tablePrefix: testTablePrefix(`mp${kind}`) });
        try {
          if (kind === 'sqlite') {
            await store.migrate();
            expect(await store.payments.findByOrderId('none')).toBeUndefined();
            await store.migrateDown();
          } else {
            const started = Date.now();
            const refusal = store.migrate();
            await expect(refusal).rejects.toThrow(ConfigError);
            await expect(refusal).rejects.toThrow(/at least 2 connections/);
            expect(Date.now() - started).toBeLessThan(5000);
            expect(await knex.schema.hasTable(store.tables.payments)).toBe(false);
          }
        } finally {
          await knex.destroy();
          database.cleanup();
        }
      },
    );
  });
}
