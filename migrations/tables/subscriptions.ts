/** The subscriptions table. */
import type { Knex } from 'knex';
import {
  EMAIL_MAX_LENGTH,
  GOPAY_ACCOUNT_ID_MAX_LENGTH,
  PAYMENT_TOKEN_MAX_LENGTH,
  SUBSCRIPTION_NAME_COLUMN_LENGTH,
  USER_ID_MAX_LENGTH,
} from '../../src/limits.js';
import { type TableNames, uniqueKeyName } from '../../src/storage/tables.js';
import { beginTable, money, recordTimestamps, timestamp } from './columns.js';

/** Create the subscriptions table and its indexes. */
export async function createSubscriptionsTable(knex: Knex, tables: TableNames): Promise<void> {
  const name = tables.subscriptions;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    table.string('midtrans_subscription_id', 64);
    table.string('name', SUBSCRIPTION_NAME_COLUMN_LENGTH).notNullable();
    table.string('payment_type', 32).notNullable();
    money(table, 'amount').notNullable();
    table.string('currency', 3).notNullable().defaultTo('IDR');
    table.string('token', PAYMENT_TOKEN_MAX_LENGTH);
    table.integer('interval').notNullable();
    table.string('interval_unit', 16).notNullable();
    table.integer('max_interval');
    timestamp(table, 'start_time');
    table.integer('current_interval');
    timestamp(table, 'previous_execution_at');
    timestamp(table, 'next_execution_at');
    table.integer('retry_interval');
    table.string('retry_interval_unit', 16);
    table.integer('retry_max_interval');
    table.string('status', 32).notNullable();
    table.json('customer_details');
    table.string('customer_email', EMAIL_MAX_LENGTH);
    table.string('user_id', USER_ID_MAX_LENGTH);
    table.string('gopay_account_id', GOPAY_ACCOUNT_ID_MAX_LENGTH);
    table.json('response');
    table.json('metadata');
    table.integer('version').notNullable().defaultTo(1);
    recordTimestamps(table);

    table.unique(['midtrans_subscription_id'], { indexName: uniqueKeyName(name, 'midtrans_id') });
    table.index(['user_id', 'created_at', 'id'], `${name}_user_idx`);
    table.index(['status', 'updated_at', 'id'], `${name}_status_idx`);
    table.index(['created_at', 'id'], `${name}_created_idx`);
  });
}
