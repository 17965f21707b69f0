/** Migration 0001: every midtrans-kit table. */
import type { Knex } from 'knex';
import type { TableNames } from '../src/storage/tables.js';
import type { MidtransMigration } from './migration.js';
import { createInvoiceItemsTable, createInvoicesTable } from './tables/invoices.js';
import { createNotificationsTable } from './tables/notifications.js';
import { createOutboxTable } from './tables/outbox.js';
import { createPaymentEventsTable } from './tables/payment-events.js';
import { createPaymentsTable } from './tables/payments.js';
import { createRefundsTable } from './tables/refunds.js';
import { createSubscriptionsTable } from './tables/subscriptions.js';

/** The first migration for a set of table names. Tables are created in foreign-key order. */
export function createTablesMigration(tables: TableNames): MidtransMigration {
  const dropOrder: (keyof TableNames)[] = [
    'outbox',
    'paymentEvents',
    'notifications',
    'refunds',
    'payments',
    'invoiceItems',
    'invoices',
    'subscriptions',
  ];
  return {
    name: '0001_create_tables',
    async up(knex: Knex) {
      await createSubscriptionsTable(knex, tables);
      await createInvoicesTable(knex, tables);
      await createInvoiceItemsTable(knex, tables);
      await createPaymentsTable(knex, tables);
      await createRefundsTable(knex, tables);
      await createNotificationsTable(knex, tables);
      await createPaymentEventsTable(knex, tables);
      await createOutboxTable(knex, tables);
    },
    async down(knex: Knex) {
      for (const key of dropOrder) await knex.schema.dropTableIfExists(tables[key]);
    },
  };
}
