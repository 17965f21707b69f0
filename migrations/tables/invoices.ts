/** The invoices and invoice_items tables. */
import type { Knex } from 'knex';
import {
  CUSTOMER_ID_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  INVOICE_NUMBER_MAX_LENGTH,
  ITEM_ID_COLUMN_LENGTH,
  NAME_MAX_LENGTH,
  ORDER_ID_COLUMN_LENGTH,
  PHONE_MAX_LENGTH,
  USER_ID_MAX_LENGTH,
} from '../../src/limits.js';
import { type TableNames, uniqueKeyName } from '../../src/storage/tables.js';
import { beginTable, money, recordTimestamps, timestamp } from './columns.js';

/** Create the invoices table and its indexes. */
export async function createInvoicesTable(knex: Knex, tables: TableNames): Promise<void> {
  const name = tables.invoices;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    table.string('invoice_number', INVOICE_NUMBER_MAX_LENGTH).notNullable();
    table.string('order_id', ORDER_ID_COLUMN_LENGTH).notNullable();
    table.string('midtrans_invoice_id', 64);
    table.string('status', 32).notNullable();
    table.string('payment_type', 32);
    table.string('customer_id', CUSTOMER_ID_MAX_LENGTH);
    table.string('customer_name', NAME_MAX_LENGTH);
    table.string('customer_email', EMAIL_MAX_LENGTH);
    table.string('customer_phone', PHONE_MAX_LENGTH);
    table.string('user_id', USER_ID_MAX_LENGTH);
    money(table, 'total_amount').notNullable();
    table.string('currency', 3).notNullable().defaultTo('IDR');
    timestamp(table, 'invoice_date');
    timestamp(table, 'due_date');
    timestamp(table, 'paid_at');
    table.text('payment_link_url');
    table.text('pdf_url');
    table.text('notes');
    table.text('void_reason');
    table.json('response');
    table.json('metadata');
    table.integer('version').notNullable().defaultTo(1);
    recordTimestamps(table);

    table.unique(['invoice_number'], { indexName: uniqueKeyName(name, 'invoice_number') });
    table.unique(['order_id'], { indexName: uniqueKeyName(name, 'order_id') });
    table.index(['midtrans_invoice_id'], `${name}_midtrans_idx`);
    table.index(['user_id', 'created_at', 'id'], `${name}_user_idx`);
    table.index(['status', 'due_date'], `${name}_status_due_idx`);
    table.index(['created_at', 'id'], `${name}_created_idx`);
  });
}

/** Create the invoice_items table (lines are deleted with their invoice). */
export async function createInvoiceItemsTable(knex: Knex, tables: TableNames): Promise<void> {
  const name = tables.invoiceItems;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    table.string('invoice_id', 36).notNullable();
    table
      .foreign('invoice_id', `${name}_invoice_fk`)
      .references('id')
      .inTable(tables.invoices)
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('item_id', ITEM_ID_COLUMN_LENGTH);
    table.text('description').notNullable();
    table.integer('quantity').notNullable();
    money(table, 'price').notNullable();
    recordTimestamps(table);

    table.index(['invoice_id', 'position'], `${name}_invoice_idx`);
  });
}
