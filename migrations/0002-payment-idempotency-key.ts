/**
 * Migration 0002: the Idempotency-Key a charge is sent with, stored on the payment before Midtrans
 * is called, so a retried charge (after a timeout) sends the same key and Midtrans answers with
 * the first result instead of creating a second transaction.
 */
import type { Knex } from 'knex';
import { dialectOf } from '../src/storage/dialect.js';
import type { TableNames } from '../src/storage/tables.js';
import type { MidtransMigration } from './migration.js';

/** The second migration for a set of table names. */
export function createPaymentIdempotencyKeyMigration(tables: TableNames): MidtransMigration {
  return {
    name: '0002_payment_idempotency_key',
    async up(knex: Knex) {
      await knex.schema.alterTable(tables.payments, (table) => {
        // Midtrans ignores keys longer than 46 characters.
        table.string('idempotency_key', 64);
      });
    },
    async down(knex: Knex) {
      await dialectOf(knex).dropColumn(knex, tables.payments, 'idempotency_key');
    },
  };
}
