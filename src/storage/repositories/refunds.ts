/** Refunds on Knex. */
import { type ColumnSpec, createCodec } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { Refund, RefundRepository } from '../records/refund.js';
import { limitRows } from '../row-limit.js';
import { createTableAccess } from '../table-access.js';
import { uniqueKeyName } from '../tables.js';
import { whereEquals, whereOneOf } from './filters.js';

const columns: ColumnSpec<Refund> = {
  id: 'text',
  paymentId: 'text',
  refundKey: 'text',
  amount: 'money',
  reason: 'text',
  isDirect: 'boolean',
  status: 'text',
  statusCode: 'text',
  statusMessage: 'text',
  chargebackId: 'text',
  response: 'json',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Create the refunds repository of a context. */
export function createRefundRepository(ctx: StoreContext): RefundRepository {
  const table = ctx.tables.refunds;
  const access = createTableAccess(
    ctx,
    createCodec<Refund>('refund', table, columns),
    [{ field: 'refundKey', name: uniqueKeyName(table, 'refund_key') }],
    false,
  );
  return {
    insert: (input) => access.insert(access.build(input, { isDirect: false, status: 'pending' })),
    findById: (id) => access.findOne(whereEquals('id', id)),
    findByRefundKey: (refundKey) => access.findOne(whereEquals('refund_key', refundKey)),
    listByPayment: (paymentId) =>
      access.findMany((query) =>
        query.where('payment_id', paymentId).orderBy([{ column: 'created_at' }, { column: 'id' }]),
      ),
    update: (id, patch) => access.update(id, patch),
    listOpen: ({ updatedBefore, limit }) =>
      access.findMany((query) => {
        whereOneOf(query, 'status', ['pending', 'unknown']);
        query.where('updated_at', '<', updatedBefore).orderBy([{ column: 'updated_at' }, { column: 'id' }]);
        limitRows(query, limit);
      }),
    list: (query = {}) =>
      access.page(
        (builder) => {
          if (query.status !== undefined) whereOneOf(builder, 'status', query.status);
        },
        { field: 'createdAt', direction: 'desc' },
        query,
      ),
  };
}
