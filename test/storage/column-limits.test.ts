/**
 * Every bounded text column of every kit table, on every database, against the named limit of what
 * may be written into it (src/limits.ts). A column fed from input must hold the longest value its
 * schema accepts; a column the kit or Midtrans fills is listed with its reason. A new bounded column
 * that nobody listed fails here, so its limit is decided when it is added.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as limits from '../../src/limits.js';
import {
  describeWithDatabase,
  openTestDatabase,
  openTestStore,
  TEST_DATABASE_KINDS,
  type TestDatabase,
  type TestStore,
} from '../support/databases.js';

/** Written from input: the longest value the schema accepts. */
type FromInput = { input: number };
/** Written by the kit (ids, statuses, keys it makes) or copied from Midtrans's answers. */
type NotFromInput = { by: 'kit' | 'midtrans' };

// Keyed `table.column` without the prefix.
const COLUMNS: Record<string, FromInput | NotFromInput> = {
  'payments.order_id': { input: limits.ORDER_ID_MAX_LENGTH },
  'payments.customer_first_name': { input: limits.NAME_MAX_LENGTH },
  'payments.customer_last_name': { input: limits.NAME_MAX_LENGTH },
  'payments.customer_email': { input: limits.EMAIL_MAX_LENGTH },
  'payments.customer_phone': { input: limits.PHONE_MAX_LENGTH },
  'payments.custom_field1': { input: limits.CUSTOM_FIELD_MAX_LENGTH },
  'payments.custom_field2': { input: limits.CUSTOM_FIELD_MAX_LENGTH },
  'payments.custom_field3': { input: limits.CUSTOM_FIELD_MAX_LENGTH },
  'payments.user_id': { input: limits.USER_ID_MAX_LENGTH },
  'payments.idempotency_key': { by: 'kit' },
  'payments.transaction_id': { by: 'midtrans' },
  'payments.payment_type': { by: 'kit' },
  'payments.currency': { by: 'kit' },
  'payments.status': { by: 'kit' },
  'payments.transaction_status': { by: 'midtrans' },
  'payments.fraud_status': { by: 'midtrans' },
  'payments.status_code': { by: 'midtrans' },
  'payments.bank': { by: 'midtrans' },
  'payments.va_number': { by: 'midtrans' },
  'payments.bill_key': { by: 'midtrans' },
  'payments.biller_code': { by: 'midtrans' },
  'payments.payment_code': { by: 'midtrans' },
  'payments.store': { by: 'midtrans' },
  'payments.snap_token': { by: 'midtrans' },
  'payments.subscription_id': { by: 'kit' },
  'payments.invoice_id': { by: 'kit' },
  'refunds.refund_key': { input: limits.REFUND_KEY_MAX_LENGTH },
  'refunds.payment_id': { by: 'kit' },
  'refunds.status': { by: 'kit' },
  'refunds.status_code': { by: 'midtrans' },
  'refunds.chargeback_id': { by: 'midtrans' },
  'invoices.invoice_number': { input: limits.INVOICE_NUMBER_MAX_LENGTH },
  'invoices.order_id': { input: limits.INVOICE_ORDER_ID_MAX_LENGTH },
  'invoices.customer_id': { input: limits.CUSTOMER_ID_MAX_LENGTH },
  'invoices.customer_name': { input: limits.NAME_MAX_LENGTH },
  'invoices.customer_email': { input: limits.EMAIL_MAX_LENGTH },
  'invoices.customer_phone': { input: limits.PHONE_MAX_LENGTH },
  'invoices.user_id': { input: limits.USER_ID_MAX_LENGTH },
  'invoices.idempotency_key': { by: 'kit' },
  'invoices.midtrans_invoice_id': { by: 'midtrans' },
  'invoices.status': { by: 'kit' },
  'invoices.payment_type': { by: 'kit' },
  'invoices.currency': { by: 'kit' },
  'invoices.payment_id': { by: 'kit' },
  'invoice_items.invoice_id': { by: 'kit' },
  'invoice_items.item_id': { input: limits.ITEM_ID_COLUMN_LENGTH },
  'subscriptions.name': { input: limits.SUBSCRIPTION_NAME_MAX_LENGTH },
  'subscriptions.token': { input: limits.PAYMENT_TOKEN_MAX_LENGTH },
  'subscriptions.customer_email': { input: limits.EMAIL_MAX_LENGTH },
  'subscriptions.user_id': { input: limits.USER_ID_MAX_LENGTH },
  'subscriptions.gopay_account_id': { input: limits.GOPAY_ACCOUNT_ID_MAX_LENGTH },
  'subscriptions.idempotency_key': { by: 'kit' },
  'subscriptions.midtrans_subscription_id': { by: 'midtrans' },
  'subscriptions.payment_type': { by: 'kit' },
  'subscriptions.currency': { by: 'kit' },
  'subscriptions.interval_unit': { by: 'kit' },
  'subscriptions.retry_interval_unit': { by: 'kit' },
  'subscriptions.status': { by: 'kit' },
  'subscriptions.last_charge_status': { by: 'midtrans' },
  'subscriptions.last_transaction_id': { by: 'midtrans' },
  'notifications.order_id': { by: 'midtrans' },
  'notifications.transaction_id': { by: 'midtrans' },
  'notifications.transaction_status': { by: 'midtrans' },
  'notifications.fraud_status': { by: 'midtrans' },
  'notifications.payment_type': { by: 'midtrans' },
  'notifications.status_code': { by: 'midtrans' },
  'notifications.gross_amount': { by: 'midtrans' },
  'notifications.outcome': { by: 'kit' },
  'notifications.replay_of': { by: 'kit' },
  'notifications.payment_id': { by: 'kit' },
  'payment_events.payment_id': { by: 'kit' },
  'payment_events.from_status': { by: 'kit' },
  'payment_events.to_status': { by: 'kit' },
  'payment_events.source': { by: 'kit' },
  'payment_events.notification_id': { by: 'kit' },
  'outbox_events.event_id': { by: 'kit' },
  'outbox_events.type': { by: 'kit' },
  'event_consumers.name': { by: 'kit' },
  'event_deliveries.consumer': { by: 'kit' },
  'event_deliveries.event_row_id': { by: 'kit' },
  'event_deliveries.claim_token': { by: 'kit' },
  'payments.payment_link_id': { by: 'kit' },
  'payment_links.order_id': { input: limits.PAYMENT_LINK_ORDER_ID_MAX_LENGTH },
  'payment_links.link_id': { input: limits.PAYMENT_LINK_ID_MAX_LENGTH },
  'payment_links.status': { by: 'kit' },
  'payment_links.title': { input: limits.PAYMENT_LINK_TITLE_MAX_LENGTH },
  'payment_links.currency': { by: 'kit' },
  'payment_links.customer_first_name': { input: limits.NAME_MAX_LENGTH },
  'payment_links.customer_last_name': { input: limits.NAME_MAX_LENGTH },
  'payment_links.customer_email': { input: limits.EMAIL_MAX_LENGTH },
  'payment_links.customer_phone': { input: limits.PHONE_MAX_LENGTH },
  'payment_links.user_id': { input: limits.USER_ID_MAX_LENGTH },
  'payment_link_items.payment_link_id': { by: 'kit' },
  'payment_link_items.item_id': { input: limits.ITEM_ID_COLUMN_LENGTH },
  'payment_link_items.name': { input: limits.ITEM_NAME_MAX_LENGTH },
  'payment_link_items.brand': { input: limits.ITEM_FIELD_MAX_LENGTH },
  'payment_link_items.category': { input: limits.ITEM_FIELD_MAX_LENGTH },
  'payment_link_items.merchant_name': { input: limits.ITEM_FIELD_MAX_LENGTH },
  'gopay_accounts.user_id': { input: limits.USER_ID_MAX_LENGTH },
  'gopay_accounts.account_id': { by: 'midtrans' },
  'gopay_accounts.status': { by: 'kit' },
  'gopay_accounts.account_status': { by: 'midtrans' },
  'gopay_accounts.payment_option_token': { by: 'midtrans' },
  'gopay_accounts.payment_option_name': { by: 'midtrans' },
};

interface BoundedColumn {
  table: string;
  column: string;
  length: number;
}

for (const kind of TEST_DATABASE_KINDS) {
  const db = await openTestDatabase(kind);
  describeWithDatabase(db, `column limits [${kind}]`, () => {
    let opened: TestStore | undefined;
    let columns: BoundedColumn[] = [];

    beforeAll(async () => {
      opened = await openTestStore(db, `cl${kind}`);
      const { knex, tables } = opened.store;
      columns = await boundedColumns(knex, db, tables.prefix);
    });
    afterAll(async () => {
      await opened?.dispose();
      db.cleanup();
    });

    it('reads the bounded columns of every kit table', () => {
      const tablesSeen = new Set(columns.map((c) => c.table));
      expect([...tablesSeen].sort()).toEqual(
        expect.arrayContaining(['payments', 'refunds', 'invoices', 'invoice_items', 'subscriptions']),
      );
    });

    it('has a decided limit for every bounded column (a new column must be listed)', () => {
      const unlisted = columns
        .filter((c) => c.column !== 'id')
        .map((c) => `${c.table}.${c.column}`)
        .filter((key) => !(key in COLUMNS));
      expect(unlisted).toEqual([]);
    });

    it('holds the longest value the schema accepts in every column fed from input', () => {
      const tooNarrow = columns.flatMap((c) => {
        const rule = COLUMNS[`${c.table}.${c.column}`];
        return rule !== undefined && 'input' in rule && rule.input > c.length
          ? [`${c.table}.${c.column}: column ${c.length} < limit ${rule.input}`]
          : [];
      });
      expect(tooNarrow).toEqual([]);
    });

    it('lists no column that no longer exists', () => {
      const present = new Set(columns.map((c) => `${c.table}.${c.column}`));
      const stale = Object.keys(COLUMNS).filter((key) => !present.has(key));
      expect(stale).toEqual([]);
    });
  });
}

/** Every varchar column of the kit's tables, with its declared length, names without the prefix. */
async function boundedColumns(knex: Knex, db: TestDatabase, prefix: string): Promise<BoundedColumn[]> {
  const strip = (name: string) => name.slice(prefix.length);
  if (db.kind === 'sqlite') {
    const tables: { name: string }[] = await knex('sqlite_master')
      .select('name')
      .where('type', 'table')
      .andWhere('name', 'like', `${prefix}%`);
    const found: BoundedColumn[] = [];
    for (const { name } of tables) {
      const info: { name: string; type: string }[] = await knex.raw(`pragma table_info("${name}")`);
      for (const column of info) {
        // SQLite keeps the declared type (`varchar(64)`) although it does not enforce it.
        const match = /^varchar\((\d+)\)$/i.exec(column.type);
        if (match) found.push({ table: strip(name), column: column.name, length: Number(match[1]) });
      }
    }
    return found.filter((c) => !c.table.startsWith('kit_migrations'));
  }
  const schema = db.kind === 'mariadb' ? knex.raw('database()') : knex.raw('current_schema()');
  const rows: { table_name: string; column_name: string; length: number | string }[] = await knex(
    'information_schema.columns',
  )
    .select({
      table_name: 'table_name',
      column_name: 'column_name',
      length: 'character_maximum_length',
    })
    .where('table_schema', schema)
    .andWhere('table_name', 'like', `${prefix}%`)
    .whereIn('data_type', ['varchar', 'character varying']);
  return rows
    .map((r) => ({ table: strip(r.table_name), column: r.column_name, length: Number(r.length) }))
    .filter((c) => !c.table.startsWith('kit_migrations'));
}
