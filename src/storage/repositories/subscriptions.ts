/** Subscriptions on Knex. */
import { type ColumnSpec, createCodec } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { LockingSubscriptionRepository, Subscription } from '../records/subscription.js';
import { createTableAccess } from '../table-access.js';
import { uniqueKeyName } from '../tables.js';
import { whereEquals, whereOneOf } from './filters.js';

const columns: ColumnSpec<Subscription> = {
  id: 'text',
  midtransSubscriptionId: 'text',
  name: 'text',
  paymentType: 'text',
  amount: 'money',
  currency: 'text',
  token: 'text',
  interval: 'integer',
  intervalUnit: 'text',
  maxInterval: 'integer',
  startTime: 'date',
  currentInterval: 'integer',
  previousExecutionAt: 'date',
  nextExecutionAt: 'date',
  retryInterval: 'integer',
  retryIntervalUnit: 'text',
  retryMaxInterval: 'integer',
  status: 'text',
  customerDetails: 'json',
  customerEmail: 'text',
  userId: 'text',
  gopayAccountId: 'text',
  response: 'json',
  metadata: 'json',
  request: 'json',
  idempotencyKey: 'text',
  lastError: 'text',
  lastChargeAt: 'date',
  lastChargeStatus: 'text',
  lastTransactionId: 'text',
  chargeCount: 'integer',
  failureCount: 'integer',
  version: 'integer',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Create the subscriptions repository of a context (locking methods work only in a transaction). */
export function createSubscriptionRepository(ctx: StoreContext): LockingSubscriptionRepository {
  const table = ctx.tables.subscriptions;
  const access = createTableAccess(
    ctx,
    createCodec<Subscription>('subscription', table, columns),
    [{ field: 'midtransSubscriptionId', name: uniqueKeyName(table, 'midtrans_id') }],
    true,
  );
  const byMidtransId = (id: string) => whereEquals('midtrans_subscription_id', id);
  return {
    insert: (input) =>
      access.insert(
        access.build(input, { currency: 'IDR', status: 'active', chargeCount: 0, failureCount: 0 }),
      ),
    findById: (id) => access.findOne(whereEquals('id', id)),
    findByMidtransId: (midtransId) => access.findOne(byMidtransId(midtransId)),
    findByName: (name) =>
      access.findOne((query) =>
        query.where('name', name).orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ]),
      ),
    update: (id, patch, options) => access.update(id, patch, options),
    list: (query = {}) =>
      access.page(
        (builder) => {
          if (query.userId !== undefined) builder.where('user_id', query.userId);
          if (query.status !== undefined) whereOneOf(builder, 'status', query.status);
        },
        { field: 'createdAt', direction: 'desc' },
        query,
      ),
    lockById: (id) => access.findOne(whereEquals('id', id), 'update'),
    lockByMidtransId: (midtransId) => access.findOne(byMidtransId(midtransId), 'update'),
  };
}
