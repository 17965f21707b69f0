/** The payments table. */
import type { Knex } from 'knex';
import {
  CUSTOM_FIELD_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  ORDER_ID_COLUMN_LENGTH,
  PHONE_MAX_LENGTH,
  USER_ID_MAX_LENGTH,
} from '../../src/limits.js';
import { type TableNames, uniqueKeyName } from '../../src/storage/tables.js';
import { beginTable, money, recordTimestamps, reference, timestamp } from './columns.js';

/** Create the payments table and its indexes. */
export async function createPaymentsTable(knex: Knex, tables: TableNames): Promise<void> {
  const name = tables.payments;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    table.string('order_id', ORDER_ID_COLUMN_LENGTH).notNullable();
    table.string('transaction_id', 64);
    table.string('payment_type', 32);
    money(table, 'gross_amount').notNullable();
    table.string('currency', 3).notNullable().defaultTo('IDR');
    table.string('status', 32).notNullable();
    table.string('transaction_status', 32);
    table.string('fraud_status', 32);
    table.string('status_code', 8);
    table.text('status_message');
    table.string('bank', 32);
    table.string('va_number', 64);
    table.string('bill_key', 64);
    table.string('biller_code', 32);
    table.string('payment_code', 64);
    table.string('store', 32);
    table.text('qr_string');
    table.json('actions');
    table.text('redirect_url');
    table.text('deeplink_url');
    table.string('snap_token', 64);
    timestamp(table, 'expiry_time');
    timestamp(table, 'transaction_time');
    timestamp(table, 'settlement_time');
    table.string('customer_first_name', NAME_MAX_LENGTH);
    table.string('customer_last_name', NAME_MAX_LENGTH);
    table.string('customer_email', EMAIL_MAX_LENGTH);
    table.string('customer_phone', PHONE_MAX_LENGTH);
    table.json('customer_details');
    table.json('item_details');
    table.json('metadata');
    table.string('custom_field1', CUSTOM_FIELD_MAX_LENGTH);
    table.string('custom_field2', CUSTOM_FIELD_MAX_LENGTH);
    table.string('custom_field3', CUSTOM_FIELD_MAX_LENGTH);
    table.string('user_id', USER_ID_MAX_LENGTH);
    reference(table, name, 'subscription_id', tables.subscriptions);
    reference(table, name, 'invoice_id', tables.invoices);
    money(table, 'refunded_amount').notNullable().defaultTo(0);
    table.integer('refund_count').notNullable().defaultTo(0);
    table.json('charge_request');
    table.json('charge_response');
    table.json('last_response');
    table.integer('version').notNullable().defaultTo(1);
    recordTimestamps(table);

    table.unique(['order_id'], { indexName: uniqueKeyName(name, 'order_id') });
    table.unique(['transaction_id'], { indexName: uniqueKeyName(name, 'transaction_id') });
    table.index(['user_id', 'created_at', 'id'], `${name}_user_idx`);
    // The reconciler's scan: pending-like statuses, least recently updated first.
    table.index(['status', 'updated_at', 'id'], `${name}_status_idx`);
    table.index(['created_at', 'id'], `${name}_created_idx`);
    table.index(['customer_email'], `${name}_email_idx`);
    table.index(['subscription_id'], `${name}_subscription_idx`);
    table.index(['invoice_id'], `${name}_invoice_idx`);
  });
}
