/** The event_consumers and event_deliveries tables (migration 0006). */
import type { Knex } from 'knex';
import { type TableNames, uniqueKeyName } from '../../src/storage/tables.js';
import { beginTable, recordTimestamps, timestamp } from './columns.js';

/** Longest consumer name. */
export const CONSUMER_NAME_LENGTH = 64;

/** Create both tables and their indexes, and the outbox index consumers scan. */
export async function createEventConsumerTables(knex: Knex, tables: TableNames): Promise<void> {
  // Consumers take events not yet done in outbox (id) order: without this index every claim sorted
  // the whole pending set. It replaces the old dispatcher's (delivered_at, available_at, id): one
  // index less to move when an event is done.
  await knex.schema.alterTable(tables.outbox, (table) => {
    table.index(['delivered_at', 'id'], `${tables.outbox}_pending_idx`);
    table.dropIndex(['delivered_at', 'available_at', 'id'], `${tables.outbox}_due_idx`);
  });
  await knex.schema.createTable(tables.eventConsumers, (table) => {
    beginTable(knex, table);
    table.string('name', CONSUMER_NAME_LENGTH).notNullable();
    recordTimestamps(table);
    table.unique(['name'], { indexName: uniqueKeyName(tables.eventConsumers, 'name') });
  });
  const name = tables.eventDeliveries;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    table.string('consumer', CONSUMER_NAME_LENGTH).notNullable();
    // The outbox row's id. No foreign key: pruning deletes both sides itself, and a key would make
    // every claim's insert take a shared lock on the event row (MySQL/MariaDB). No index of its
    // own either: every lookup also names the consumer (the unique key); only pruning scans.
    table.string('event_row_id', 36).notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error');
    // While claimed: the end of the claim's lease; after a failure: when to try again.
    timestamp(table, 'available_at').notNullable();
    timestamp(table, 'delivered_at');
    // Which claim holds the row: a claim inserts with its own token, then reads back only its rows
    // (through the unique key: it knows which events it tried).
    table.string('claim_token', 36);
    recordTimestamps(table);

    table.unique(['consumer', 'event_row_id'], { indexName: uniqueKeyName(name, 'consumer_event') });
    // A consumer's retries: its undelivered rows in availability order.
    table.index(['consumer', 'delivered_at', 'available_at'], `${name}_due_idx`);
  });
}
