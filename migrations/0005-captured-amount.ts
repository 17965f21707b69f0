/**
 * Migration 0005: what a capture took. A card pre-authorisation may be captured for less than it
 * reserved, and only the captured amount can be refunded; `gross_amount` stays what was authorised.
 * Null means the payment was never captured separately (its whole amount was charged).
 */
import type { Knex } from 'knex';
import { dialectOf } from '../src/storage/dialect.js';
import type { TableNames } from '../src/storage/tables.js';
import type { MidtransMigration } from './migration.js';
import { money } from './tables/columns.js';

/** The migration for a set of table names. */
export function createCapturedAmountMigration(tables: TableNames): MidtransMigration {
  return {
    name: '0005_captured_amount',
    async up(knex: Knex) {
      await knex.schema.alterTable(tables.payments, (table) => {
        money(table, 'captured_amount');
      });
    },
    async down(knex: Knex) {
      await dialectOf(knex).dropColumn(knex, tables.payments, 'captured_amount');
    },
  };
}
