/** Payments on Knex. */
import { PaymentStatus } from '../../constants.js';
import { type ColumnSpec, createCodec } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { LockMode } from '../dialect.js';
import { pageSize } from '../paging.js';
import type { LockingPaymentRepository, Payment, StalePaymentQuery } from '../records/payment.js';
import { limitRows } from '../row-limit.js';
import { createTableAccess, type QueryFilter } from '../table-access.js';
import { uniqueKeyName } from '../tables.js';
import { whereEquals, whereOneOf } from './filters.js';

const columns: ColumnSpec<Payment> = {
  id: 'text',
  orderId: 'text',
  transactionId: 'text',
  paymentType: 'text',
  grossAmount: 'money',
  currency: 'text',
  status: 'text',
  transactionStatus: 'text',
  fraudStatus: 'text',
  statusCode: 'text',
  statusMessage: 'text',
  bank: 'text',
  vaNumber: 'text',
  billKey: 'text',
  billerCode: 'text',
  paymentCode: 'text',
  store: 'text',
  qrString: 'text',
  actions: 'json',
  redirectUrl: 'text',
  deeplinkUrl: 'text',
  snapToken: 'text',
  expiryTime: 'date',
  transactionTime: 'date',
  settlementTime: 'date',
  customerFirstName: 'text',
  customerLastName: 'text',
  customerEmail: 'text',
  customerPhone: 'text',
  customerDetails: 'json',
  itemDetails: 'json',
  metadata: 'json',
  customField1: 'text',
  customField2: 'text',
  customField3: 'text',
  userId: 'text',
  subscriptionId: 'text',
  invoiceId: 'text',
  paymentLinkId: 'text',
  capturedAmount: 'money',
  refundedAmount: 'money',
  refundCount: 'integer',
  chargeRequest: 'json',
  chargeResponse: 'json',
  lastResponse: 'json',
  idempotencyKey: 'text',
  version: 'integer',
  reconcileLeaseUntil: 'date',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Create the payments repository of a context (locking methods work only in a transaction). */
export function createPaymentRepository(ctx: StoreContext): LockingPaymentRepository {
  const table = ctx.tables.payments;
  const access = createTableAccess(
    ctx,
    createCodec<Payment>('payment', table, columns),
    [
      { field: 'orderId', name: uniqueKeyName(table, 'order_id') },
      { field: 'transactionId', name: uniqueKeyName(table, 'transaction_id') },
    ],
    true,
  );
  const stale =
    (query: StalePaymentQuery): QueryFilter =>
    (builder) => {
      whereOneOf(builder, 'status', query.statuses);
      if (query.updatedBefore) builder.where('updated_at', '<', query.updatedBefore);
      if (query.expiredBy) builder.where('expiry_time', '<=', query.expiredBy);
      if (query.createdAfter) builder.where('created_at', '>', query.createdAfter);
      const leaseFreeAt = query.leaseFreeAt;
      if (leaseFreeAt) {
        builder.where((free) =>
          free.whereNull('reconcile_lease_until').orWhere('reconcile_lease_until', '<', leaseFreeAt),
        );
      }
    };
  const lock: LockMode = 'update';

  return {
    insert: (input) =>
      access.insert(
        access.build(input, {
          currency: 'IDR',
          status: PaymentStatus.CREATED,
          refundedAmount: 0,
          refundCount: 0,
        }),
      ),
    findById: (id) => access.findOne(whereEquals('id', id)),
    findByOrderId: (orderId) => access.findOne(whereEquals('order_id', orderId)),
    hasOrderId: (orderId) => access.exists(whereEquals('order_id', orderId)),
    findByTransactionId: (transactionId) => access.findOne(whereEquals('transaction_id', transactionId)),
    listByPaymentLink: (paymentLinkId) =>
      access.findMany((query) =>
        query.where('payment_link_id', paymentLinkId).orderBy([{ column: 'created_at' }, { column: 'id' }]),
      ),
    listByInvoice: (invoiceId) =>
      access.findMany((query) =>
        query.where('invoice_id', invoiceId).orderBy([{ column: 'created_at' }, { column: 'id' }]),
      ),
    update: (id, patch, options) => access.update(id, patch, options),
    list: (query = {}) =>
      access.page(
        (builder) => {
          if (query.userId !== undefined) builder.where('user_id', query.userId);
          if (query.status !== undefined) whereOneOf(builder, 'status', query.status);
          if (query.paymentType !== undefined) builder.where('payment_type', query.paymentType);
          if (query.fraudStatus !== undefined) builder.where('fraud_status', query.fraudStatus);
          if (query.customerEmail !== undefined) builder.where('customer_email', query.customerEmail);
          if (query.createdFrom !== undefined) builder.where('created_at', '>=', query.createdFrom);
          if (query.createdBefore !== undefined) builder.where('created_at', '<', query.createdBefore);
        },
        { field: 'createdAt', direction: 'desc' },
        query,
      ),
    listStale: (query) => access.page(stale(query), { field: 'updatedAt', direction: 'asc' }, query),
    lockById: (id) => access.findOne(whereEquals('id', id), lock),
    lockByOrderId: (orderId) => access.findOne(whereEquals('order_id', orderId), lock),
    claimStale: (query) =>
      access.findMany(
        (builder) => {
          stale(query)(builder);
          limitRows(builder.orderBy([{ column: 'updated_at' }, { column: 'id' }]), pageSize(query.limit));
        },
        query.skipLocked ? 'update-skip-locked' : lock,
      ),
    async leaseForReconcile(ids, until) {
      if (ids.length === 0) return;
      access.forget(ids);
      const values = access.codec.toRow({ reconcileLeaseUntil: until });
      await ctx
        .db(table)
        .whereIn('id', [...ids])
        .update(values);
    },
  };
}
