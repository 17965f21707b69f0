/**
 * Migration 0003: what the webhook engine and the reconciler need beyond the first tables —
 * a reconciler lease on payments, the link from a replayed delivery to the one it replays, and
 * an index for finding a subscription by the name Midtrans builds its order ids from.
 */
import type { Knex } from 'knex';
import { dialectOf } from '../src/storage/dialect.js';
import type { TableNames } from '../src/storage/tables.js';
import type { MidtransMigration } from './migration.js';
import { timestamp } from './tables/columns.js';

/** The migration for a set of table names. */
export function createWebhooksAndReconcilerMigration(tables: TableNames): MidtransMigration {
  const leaseIndex = `${tables.payments}_lease_idx`;
  const replayIndex = `${tables.notifications}_replay_idx`;
  const nameIndex = `${tables.subscriptions}_name_idx`;
  return {
    name: '0003_webhooks_and_reconciler',
    async up(knex: Knex) {
      await knex.schema.alterTable(tables.payments, (table) => {
        // A reconciler process owns the row until then; others pass it over (see docs/webhooks.md).
        timestamp(table, 'reconcile_lease_until');
        table.index(['reconcile_lease_until'], leaseIndex);
      });
      await knex.schema.alterTable(tables.notifications, (table) => {
        // No foreign key: SQLite would rebuild the whole table to add one, and the link is informative.
        table.string('replay_of', 36);
        table.index(['replay_of'], replayIndex);
      });
      await knex.schema.alterTable(tables.subscriptions, (table) => {
        table.index(['name'], nameIndex);
      });
    },
    async down(knex: Knex) {
      const dialect = dialectOf(knex);
      await knex.schema.alterTable(tables.subscriptions, (table) => table.dropIndex(['name'], nameIndex));
      await knex.schema.alterTable(tables.notifications, (table) =>
        table.dropIndex(['replay_of'], replayIndex),
      );
      await dialect.dropColumn(knex, tables.notifications, 'replay_of');
      await knex.schema.alterTable(tables.payments, (table) =>
        table.dropIndex(['reconcile_lease_until'], leaseIndex),
      );
      await dialect.dropColumn(knex, tables.payments, 'reconcile_lease_until');
    },
  };
}
