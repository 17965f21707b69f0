/**
 * Migration 0006: named, durable event consumers. Delivery state moves from the outbox row (one
 * `delivered_at` for everyone) to one row per consumer and event, so a process that consumes
 * nothing (the CLI's reconcile) never marks an event delivered, and an event is done only when every
 * registered consumer has it. Events still pending at upgrade stay pending for every consumer.
 */
import type { Knex } from 'knex';
import type { TableNames } from '../src/storage/tables.js';
import type { MidtransMigration } from './migration.js';
import { createEventConsumerTables } from './tables/event-consumers.js';

/** The migration for a set of table names. */
export function createEventConsumersMigration(tables: TableNames): MidtransMigration {
  return {
    name: '0006_event_consumers',
    async up(knex: Knex) {
      await createEventConsumerTables(knex, tables);
    },
    async down(knex: Knex) {
      await knex.schema.dropTableIfExists(tables.eventDeliveries);
      await knex.schema.dropTableIfExists(tables.eventConsumers);
      await knex.schema.alterTable(tables.outbox, (table) => {
        table.index(['delivered_at', 'available_at', 'id'], `${tables.outbox}_due_idx`);
        table.dropIndex(['delivered_at', 'id'], `${tables.outbox}_pending_idx`);
      });
    },
  };
}
