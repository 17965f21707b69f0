/**
 * Migration 0008: linked GoPay accounts (GoPay tokenization), one per owner, so a charge can name
 * the owner's account and the kit supplies its payment-option token.
 */
import type { Knex } from 'knex';
import type { TableNames } from '../src/storage/tables.js';
import type { MidtransMigration } from './migration.js';
import { createGopayAccountsTable } from './tables/gopay-accounts.js';

/** The migration for a set of table names. */
export function createGopayAccountsMigration(tables: TableNames): MidtransMigration {
  return {
    name: '0008_gopay_accounts',
    async up(knex: Knex) {
      await createGopayAccountsTable(knex, tables);
    },
    async down(knex: Knex) {
      await knex.schema.dropTableIfExists(tables.gopayAccounts);
    },
  };
}
