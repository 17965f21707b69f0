/** The refunds table. */
import type { Knex } from 'knex';
import { REFUND_KEY_COLUMN_LENGTH } from '../../src/limits.js';
import { type TableNames, uniqueKeyName } from '../../src/storage/tables.js';
import { beginTable, money, recordTimestamps, reference } from './columns.js';

/** Create the refunds table and its indexes. */
export async function createRefundsTable(knex: Knex, tables: TableNames): Promise<void> {
  const name = tables.refunds;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    reference(table, name, 'payment_id', tables.payments).notNullable();
    table.string('refund_key', REFUND_KEY_COLUMN_LENGTH).notNullable();
    money(table, 'amount').notNullable();
    table.text('reason');
    table.boolean('is_direct').notNullable().defaultTo(false);
    table.string('status', 32).notNullable();
    table.string('status_code', 8);
    table.text('status_message');
    table.string('chargeback_id', 64);
    table.json('response');
    recordTimestamps(table);

    table.unique(['refund_key'], { indexName: uniqueKeyName(name, 'refund_key') });
    table.index(['payment_id', 'created_at'], `${name}_payment_idx`);
  });
}
