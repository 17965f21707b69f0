/** Payment links on Knex. */
import { type ColumnSpec, createCodec } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { LockingPaymentLinkRepository, PaymentLink } from '../records/payment-link.js';
import { createTableAccess } from '../table-access.js';
import { uniqueKeyName } from '../tables.js';
import { whereEquals, whereOneOf } from './filters.js';

const columns: ColumnSpec<PaymentLink> = {
  id: 'text',
  orderId: 'text',
  linkId: 'text',
  status: 'text',
  title: 'text',
  grossAmount: 'money',
  currency: 'text',
  usageLimit: 'integer',
  usageCount: 'integer',
  paidAmount: 'money',
  startsAt: 'date',
  expiresAt: 'date',
  paymentUrl: 'text',
  customerFirstName: 'text',
  customerLastName: 'text',
  customerEmail: 'text',
  customerPhone: 'text',
  userId: 'text',
  request: 'json',
  response: 'json',
  metadata: 'json',
  lastError: 'text',
  deletedAt: 'date',
  version: 'integer',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Create the payment-links repository of a context (locking methods work only in a transaction). */
export function createPaymentLinkRepository(ctx: StoreContext): LockingPaymentLinkRepository {
  const table = ctx.tables.paymentLinks;
  const access = createTableAccess(
    ctx,
    createCodec<PaymentLink>('payment link', table, columns),
    [{ field: 'orderId', name: uniqueKeyName(table, 'order_id') }],
    true,
  );
  return {
    insert: (input) =>
      access.insert(access.build(input, { status: 'draft', currency: 'IDR', usageCount: 0, paidAmount: 0 })),
    findById: (id) => access.findOne(whereEquals('id', id)),
    findByOrderId: (orderId) => access.findOne(whereEquals('order_id', orderId)),
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
  };
}
