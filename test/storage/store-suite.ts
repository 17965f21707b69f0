/**
 * The one store suite, run against each database by sqlite/mariadb/postgres.test.ts. Each file gets
 * its own table prefix (and SQLite its own file), so the files run in parallel.
 */
import { expect, it } from 'vitest';
import { describeWithDatabase, openTestDatabase, type TestDatabaseKind } from '../support/databases.js';
import { createHarness } from './harness.js';
import { registerConcurrencyTests } from './suite-concurrency.js';
import { registerConflictTests } from './suite-conflicts.js';
import { registerDeliveryTests } from './suite-deliveries.js';
import { registerEntityTests } from './suite-entities.js';
import { registerGopayAccountTests } from './suite-gopay-accounts.js';
import { registerMigrationTests } from './suite-migrations.js';
import { registerOutboxTests } from './suite-outbox.js';
import { registerPagingTests } from './suite-paging.js';
import { registerPaymentLinkTests } from './suite-payment-links.js';
import { registerPaymentTests } from './suite-payments.js';
import { registerValueTests } from './suite-values.js';

const DIALECTS = { sqlite: 'sqlite', mariadb: 'mysql', postgres: 'postgres' } as const;

/** Probe the database of `kind` and register the whole suite for it. */
export async function registerStoreSuite(kind: TestDatabaseKind): Promise<void> {
  const db = await openTestDatabase(kind);
  describeWithDatabase(db, `store on ${kind}`, () => {
    const h = createHarness(db);
    it('talks to the expected dialect', () => {
      expect(h.store().dialect).toBe(DIALECTS[kind]);
    });
    registerPaymentTests(h);
    registerEntityTests(h);
    registerGopayAccountTests(h);
    registerOutboxTests(h);
    registerDeliveryTests(h);
    registerConflictTests(h);
    registerConcurrencyTests(h);
    registerValueTests(h);
    registerPagingTests(h);
    registerPaymentLinkTests(h);
    registerMigrationTests(h);
  });
}
