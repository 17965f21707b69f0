/** The notifications table: every webhook delivery. */
import type { Knex } from 'knex';
import type { TableNames } from '../../src/storage/tables.js';
import { beginTable, recordTimestamps, reference, timestamp } from './columns.js';

/**
 * Create the notifications table and its indexes. The summary columns hold what the body claimed,
 * which may be anything when the signature is bad; the repository clips them to 255 characters,
 * while `raw_body` keeps the exact text.
 */
export async function createNotificationsTable(knex: Knex, tables: TableNames): Promise<void> {
  const name = tables.notifications;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    table.text('raw_body', 'longtext').notNullable();
    table.json('headers');
    table.string('order_id', 255);
    table.string('transaction_id', 255);
    table.string('transaction_status', 255);
    table.string('fraud_status', 255);
    table.string('payment_type', 255);
    table.string('status_code', 255);
    table.string('gross_amount', 255);
    table.text('signature_key');
    table.boolean('signature_valid');
    table.string('outcome', 32).notNullable();
    table.text('error');
    timestamp(table, 'received_at').notNullable();
    timestamp(table, 'processed_at');
    reference(table, name, 'payment_id', tables.payments);
    recordTimestamps(table);

    table.index(['order_id', 'received_at', 'id'], `${name}_order_idx`);
    table.index(['outcome', 'received_at', 'id'], `${name}_outcome_idx`);
    table.index(['received_at', 'id'], `${name}_received_idx`);
    table.index(['transaction_id'], `${name}_transaction_idx`);
    table.index(['payment_id'], `${name}_payment_idx`);
  });
}
