/** The gopay_accounts table (migration 0008). */
import type { Knex } from 'knex';
import {
  GOPAY_ACCOUNT_ID_MAX_LENGTH,
  PAYMENT_TOKEN_MAX_LENGTH,
  USER_ID_MAX_LENGTH,
} from '../../src/limits.js';
import { type TableNames, uniqueKeyName } from '../../src/storage/tables.js';
import { beginTable, recordTimestamps, timestamp } from './columns.js';

/** Create the table: one row per owner, found by owner or by Midtrans's account id. */
export async function createGopayAccountsTable(knex: Knex, tables: TableNames): Promise<void> {
  const name = tables.gopayAccounts;
  await knex.schema.createTable(name, (table) => {
    beginTable(knex, table);
    table.string('user_id', USER_ID_MAX_LENGTH).notNullable();
    table.string('account_id', GOPAY_ACCOUNT_ID_MAX_LENGTH);
    table.string('status', 16).notNullable();
    table.string('account_status', 16);
    // Midtrans's activation link, shown again while the account is pending (Midtrans makes it).
    table.text('activation_url');
    // A secret like a card token: never in a view, a log or a relayed event.
    table.string('payment_option_token', PAYMENT_TOKEN_MAX_LENGTH);
    table.string('payment_option_name', 32);
    timestamp(table, 'linked_at');
    timestamp(table, 'unlinked_at');
    table.integer('version').notNullable().defaultTo(1);
    recordTimestamps(table);

    // One account per owner: a new link reuses the owner's row.
    table.unique(['user_id'], { indexName: uniqueKeyName(name, 'user') });
    table.unique(['account_id'], { indexName: uniqueKeyName(name, 'account') });
  });
}
