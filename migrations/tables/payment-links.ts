/** The payment_links and payment_link_items tables. */
import type { Knex } from 'knex';
import {
  EMAIL_MAX_LENGTH,
  ITEM_FIELD_MAX_LENGTH,
  ITEM_ID_COLUMN_LENGTH,
  ITEM_NAME_MAX_LENGTH,
  NAME_MAX_LENGTH,
  ORDER_ID_COLUMN_LENGTH,
  PAYMENT_LINK_ID_MAX_LENGTH,
  PAYMENT_LINK_TITLE_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  USER_ID_MAX_LENGTH,
} from '../../src/limits.js';
import { type TableNames, uniqueKeyName } from '../../src/storage/tables.js';
import { beginTable, money, recordTimestamps, timestamp } from './columns.js';

/** Create the payment_links table and its indexes. */
export async function createPaymentLinksTable(knex: Knex, tables: TableNames): Promise<void> {
  const name = tables.paymentLinks;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    table.string('order_id', ORDER_ID_COLUMN_LENGTH).notNullable();
    table.string('link_id', PAYMENT_LINK_ID_MAX_LENGTH);
    table.string('status', 16).notNullable();
    table.string('title', PAYMENT_LINK_TITLE_MAX_LENGTH);
    money(table, 'gross_amount').notNullable();
    table.string('currency', 3).notNullable().defaultTo('IDR');
    table.integer('usage_limit');
    table.integer('usage_count').notNullable().defaultTo(0);
    money(table, 'paid_amount').notNullable().defaultTo(0);
    timestamp(table, 'starts_at');
    timestamp(table, 'expires_at');
    table.text('payment_url');
    table.string('customer_first_name', NAME_MAX_LENGTH);
    table.string('customer_last_name', NAME_MAX_LENGTH);
    table.string('customer_email', EMAIL_MAX_LENGTH);
    table.string('customer_phone', PHONE_MAX_LENGTH);
    table.string('user_id', USER_ID_MAX_LENGTH);
    table.json('request');
    table.json('response');
    table.json('metadata');
    table.text('last_error');
    timestamp(table, 'deleted_at');
    table.integer('version').notNullable().defaultTo(1);
    recordTimestamps(table);

    table.unique(['order_id'], { indexName: uniqueKeyName(name, 'order_id') });
    table.index(['user_id', 'created_at', 'id'], `${name}_user_idx`);
    table.index(['status', 'created_at', 'id'], `${name}_status_idx`);
    table.index(['created_at', 'id'], `${name}_created_idx`);
  });
}

/** Create the payment_link_items table (lines are deleted with their link). */
export async function createPaymentLinkItemsTable(knex: Knex, tables: TableNames): Promise<void> {
  const name = tables.paymentLinkItems;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    table.string('payment_link_id', 36).notNullable();
    table
      .foreign('payment_link_id', `${name}_link_fk`)
      .references('id')
      .inTable(tables.paymentLinks)
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('item_id', ITEM_ID_COLUMN_LENGTH);
    table.string('name', ITEM_NAME_MAX_LENGTH).notNullable();
    table.integer('quantity').notNullable();
    money(table, 'price').notNullable();
    table.string('brand', ITEM_FIELD_MAX_LENGTH);
    table.string('category', ITEM_FIELD_MAX_LENGTH);
    table.string('merchant_name', ITEM_FIELD_MAX_LENGTH);
    recordTimestamps(table);

    table.index(['payment_link_id', 'position'], `${name}_link_idx`);
  });
}
