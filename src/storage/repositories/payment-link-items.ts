/** Payment link lines on Knex. */
import { type ColumnSpec, createCodec, storableRow } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { PaymentLinkItem, PaymentLinkItemRepository } from '../records/payment-link.js';
import { createTableAccess } from '../table-access.js';

const columns: ColumnSpec<PaymentLinkItem> = {
  id: 'text',
  paymentLinkId: 'text',
  position: 'integer',
  itemId: 'text',
  name: 'text',
  quantity: 'integer',
  price: 'money',
  brand: 'text',
  category: 'text',
  merchantName: 'text',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Create the payment-link-lines repository of a context. */
export function createPaymentLinkItemRepository(ctx: StoreContext): PaymentLinkItemRepository {
  const codec = createCodec<PaymentLinkItem>('payment link item', ctx.tables.paymentLinkItems, columns);
  const access = createTableAccess(ctx, codec, [], false);
  return {
    async insertMany(paymentLinkId, items) {
      const records = items.map((item, position) => access.build({ ...item, paymentLinkId, position }, {}));
      const rows = records.map((record) => storableRow(codec.toRow(record), ctx.dialect.storableText));
      if (rows.length > 0) await ctx.db(codec.table).insert(rows);
      return rows.map((row) => codec.fromRow(row));
    },
    listByPaymentLink: (paymentLinkId) =>
      access.findMany((query) =>
        query.where('payment_link_id', paymentLinkId).orderBy([{ column: 'position' }]),
      ),
  };
}
