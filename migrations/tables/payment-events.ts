/** The payment_events table: status history. */
import type { Knex } from 'knex';
import type { TableNames } from '../../src/storage/tables.js';
import { beginTable, recordTimestamps, reference } from './columns.js';

/** Create the payment_events table and its index. */
export async function createPaymentEventsTable(knex: Knex, tables: TableNames): Promise<void> {
  const name = tables.paymentEvents;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    reference(table, name, 'payment_id', tables.payments).notNullable();
    table.string('from_status', 32);
    table.string('to_status', 32).notNullable();
    table.string('source', 16).notNullable();
    reference(table, name, 'notification_id', tables.notifications);
    table.json('data');
    recordTimestamps(table);

    table.index(['payment_id', 'created_at', 'id'], `${name}_payment_idx`);
    table.index(['notification_id'], `${name}_notification_idx`);
  });
}
