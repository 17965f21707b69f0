/**
 * midtrans-kit's database migrations, as a Knex MigrationSource a host runs beside its own:
 *
 * ```ts
 * import { createMigrationSource } from 'midtrans-kit/migrations';
 * await knex.migrate.latest({ migrationSource: createMigrationSource(), tableName: 'midtrans_kit_migrations' });
 * ```
 *
 * The history must live in its own table: Knex refuses to migrate when its history table lists a
 * migration its source does not have, so sharing the host's `knex_migrations` would break both.
 */
import type { Knex } from 'knex';
import { DEFAULT_TABLE_PREFIX, migrationTableName, tableNames } from '../src/storage/tables.js';
import { createTablesMigration } from './0001-create-tables.js';
import { createPaymentIdempotencyKeyMigration } from './0002-payment-idempotency-key.js';
import { createWebhooksAndReconcilerMigration } from './0003-webhooks-and-reconciler.js';
import { createInvoicesAndSubscriptionsMigration } from './0004-invoices-and-subscriptions.js';
import { createCapturedAmountMigration } from './0005-captured-amount.js';
import { createEventConsumersMigration } from './0006-event-consumers.js';
import { createPaymentLinksMigration } from './0007-payment-links.js';
import { createGopayAccountsMigration } from './0008-gopay-accounts.js';
import type { MidtransMigration } from './migration.js';

export { DEFAULT_TABLE_PREFIX, migrationTableName } from '../src/storage/tables.js';
export type { MidtransMigration } from './migration.js';

/** History table name for the default prefix. */
export const DEFAULT_MIGRATION_TABLE_NAME = 'midtrans_kit_migrations';

/** Options of the migration source. */
export interface MigrationSourceOptions {
  /** Prefix of every table (default `midtrans_`); must match the store's `tablePrefix`. */
  tablePrefix?: string;
}

/** The migration source for one table prefix. Validates the prefix (ConfigError). */
export function createMigrationSource(
  options: MigrationSourceOptions = {},
): Knex.MigrationSource<MidtransMigration> {
  const tables = tableNames(options.tablePrefix ?? DEFAULT_TABLE_PREFIX);
  const migrations: readonly MidtransMigration[] = [
    createTablesMigration(tables),
    createPaymentIdempotencyKeyMigration(tables),
    createWebhooksAndReconcilerMigration(tables),
    createInvoicesAndSubscriptionsMigration(tables),
    createCapturedAmountMigration(tables),
    createEventConsumersMigration(tables),
    createPaymentLinksMigration(tables),
    createGopayAccountsMigration(tables),
  ];
  return {
    getMigrations: async () => [...migrations],
    getMigrationName: (migration) => migration.name,
    getMigration: async (migration) => migration,
  };
}

/**
 * Everything `knex.migrate.latest/rollback` needs for midtrans-kit: the source and the kit's own
 * history table (`<prefix>kit_migrations`, i.e. `midtrans_kit_migrations` by default).
 */
export function migrationConfig(options: MigrationSourceOptions = {}): Knex.MigratorConfig {
  const prefix = options.tablePrefix ?? DEFAULT_TABLE_PREFIX;
  return {
    migrationSource: createMigrationSource({ tablePrefix: prefix }),
    tableName: migrationTableName(prefix),
  };
}
