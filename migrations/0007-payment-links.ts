/**
 * Migration 0007: payment links (Midtrans Payment Link API) and their lines, and the link a
 * payment was made through (`payments.payment_link_id`): Midtrans creates one transaction per
 * payment through a link, and the webhook engine creates its payment from the link.
 */
import type { Knex } from 'knex';
import { dialectOf } from '../src/storage/dialect.js';
import type { TableNames } from '../src/storage/tables.js';
import type { MidtransMigration } from './migration.js';
import { createPaymentLinkItemsTable, createPaymentLinksTable } from './tables/payment-links.js';

/** The migration for a set of table names. */
export function createPaymentLinksMigration(tables: TableNames): MidtransMigration {
  const paymentIndex = `${tables.payments}_payment_link_idx`;
  return {
    name: '0007_payment_links',
    async up(knex: Knex) {
      await createPaymentLinksTable(knex, tables);
      await createPaymentLinkItemsTable(knex, tables);
      await knex.schema.alterTable(tables.payments, (table) => {
        // No foreign key: SQLite would rebuild the payments table to add one.
        table.string('payment_link_id', 36);
        table.index(['payment_link_id'], paymentIndex);
      });
    },
    async down(knex: Knex) {
      await knex.schema.alterTable(tables.payments, (table) =>
        table.dropIndex(['payment_link_id'], paymentIndex),
      );
      await dialectOf(knex).dropColumn(knex, tables.payments, 'payment_link_id');
      await knex.schema.dropTableIfExists(tables.paymentLinkItems);
      await knex.schema.dropTableIfExists(tables.paymentLinks);
    },
  };
}
