/** The shape of one midtrans-kit migration. */
import type { Knex } from 'knex';

/** A named migration: `name` is what the history table records, so it never changes once released. */
export interface MidtransMigration {
  /** Stable name, e.g. `0001_create_tables`. */
  readonly name: string;
  /** Apply it. */
  up(knex: Knex): Promise<void>;
  /** Undo it. */
  down(knex: Knex): Promise<void>;
}
