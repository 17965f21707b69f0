/**
 * Bulk seeding of open payments straight through Knex: one payment is written through the store
 * (so every column has the value the kit itself would write), then copied in batched inserts
 * with its own id and order id. 100,000 rows take seconds instead of minutes.
 */
import { randomUUID } from 'node:crypto';
import type { KnexStore } from '../../src/storage/knex-store.js';

// SQLite allows 32,766 bound values per statement; ~50 columns × 400 rows stays well below.
const BATCH = 400;

/**
 * Insert `count` pending bank-transfer payments `${prefix}-0…`, created and last updated at
 * `updatedAt`. Resolves with that time as the database stores it (for {@link resetPayments}).
 */
export async function seedPendingPayments(
  store: KnexStore,
  prefix: string,
  count: number,
  updatedAt: Date,
  userId: string | null = null,
): Promise<StoredTime> {
  const template = await store.payments.insert({
    createdAt: updatedAt,
    userId,
    orderId: `${prefix}-template`,
    grossAmount: 10_000,
    paymentType: 'bank_transfer',
    status: 'pending',
    transactionStatus: 'pending',
    bank: 'bca',
  });
  const table = store.tables.payments;
  const row = (await store.knex(table).where('id', template.id).first()) as Record<string, unknown>;
  await store.knex(table).where('id', template.id).delete();
  for (let from = 0; from < count; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++) {
      rows.push({
        ...row,
        id: randomUUID(),
        order_id: `${prefix}-${i}`,
      });
    }
    await store.knex(table).insert(rows);
  }
  return { stored: row.updated_at };
}

/** A timestamp in the database's own representation (the codec's, whatever the dialect). */
export interface StoredTime {
  stored: unknown;
}

/** Put every payment back to pending and forget what a reconciler run wrote, for the next run. */
export async function resetPayments(store: KnexStore, updatedAt: StoredTime): Promise<void> {
  // History rows point at notifications: delete them first.
  await store.knex(store.tables.paymentEvents).delete();
  await store.knex(store.tables.notifications).delete();
  await store.knex(store.tables.outbox).delete();
  await store.knex(store.tables.payments).update({
    status: 'pending',
    transaction_status: 'pending',
    transaction_id: null,
    transaction_time: null,
    settlement_time: null,
    va_number: null,
    status_code: null,
    status_message: null,
    fraud_status: null,
    last_response: null,
    reconcile_lease_until: null,
    updated_at: updatedAt.stored,
  });
}
