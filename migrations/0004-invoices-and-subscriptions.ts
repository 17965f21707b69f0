/**
 * Migration 0004: what the invoice and subscription services need beyond the first tables — the
 * request and Idempotency-Key a create is (re-)sent with, the last Midtrans error, the invoice's
 * paying payment, and a subscription's charge bookkeeping (last charge, consecutive failures).
 */
import type { Knex } from 'knex';
import { dialectOf } from '../src/storage/dialect.js';
import type { TableNames } from '../src/storage/tables.js';
import type { MidtransMigration } from './migration.js';
import { timestamp } from './tables/columns.js';

const INVOICE_COLUMNS = ['idempotency_key', 'request', 'last_error', 'payment_id'] as const;
const SUBSCRIPTION_COLUMNS = [
  'idempotency_key',
  'request',
  'last_error',
  'last_charge_at',
  'last_charge_status',
  'last_transaction_id',
  'charge_count',
  'failure_count',
] as const;

/** The migration for a set of table names. */
export function createInvoicesAndSubscriptionsMigration(tables: TableNames): MidtransMigration {
  const paymentIndex = `${tables.invoices}_payment_idx`;
  return {
    name: '0004_invoices_and_subscriptions',
    async up(knex: Knex) {
      await knex.schema.alterTable(tables.invoices, (table) => {
        // Midtrans ignores keys longer than 46 characters.
        table.string('idempotency_key', 64);
        table.json('request');
        table.text('last_error');
        // No foreign key: SQLite would rebuild the table to add one; payments.invoice_id is the other side.
        table.string('payment_id', 36);
        table.index(['payment_id'], paymentIndex);
      });
      await knex.schema.alterTable(tables.subscriptions, (table) => {
        table.string('idempotency_key', 64);
        table.json('request');
        table.text('last_error');
        timestamp(table, 'last_charge_at');
        table.string('last_charge_status', 16);
        table.string('last_transaction_id', 64);
        table.integer('charge_count').notNullable().defaultTo(0);
        table.integer('failure_count').notNullable().defaultTo(0);
      });
    },
    async down(knex: Knex) {
      const dialect = dialectOf(knex);
      await knex.schema.alterTable(tables.invoices, (table) => table.dropIndex(['payment_id'], paymentIndex));
      for (const column of INVOICE_COLUMNS) await dialect.dropColumn(knex, tables.invoices, column);
      for (const column of SUBSCRIPTION_COLUMNS) await dialect.dropColumn(knex, tables.subscriptions, column);
    },
  };
}
