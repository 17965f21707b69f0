/** The outbox_events table. */
import type { Knex } from 'knex';
import { type TableNames, uniqueKeyName } from '../../src/storage/tables.js';
import { beginTable, recordTimestamps, timestamp } from './columns.js';

/** Create the outbox_events table and its indexes. */
export async function createOutboxTable(knex: Knex, tables: TableNames): Promise<void> {
  const name = tables.outbox;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    table.string('event_id', 191).notNullable();
    table.string('type', 64).notNullable();
    table.json('payload').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error');
    timestamp(table, 'available_at').notNullable();
    timestamp(table, 'delivered_at');
    recordTimestamps(table);

    table.unique(['event_id'], { indexName: uniqueKeyName(name, 'event_id') });
    // The dispatcher's scan: undelivered (NULL) rows in availability order.
    table.index(['delivered_at', 'available_at', 'id'], `${name}_due_idx`);
  });
}
