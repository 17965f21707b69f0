/** Invoice lines on Knex. */
import { type ColumnSpec, createCodec, storableRow } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { InvoiceItem, InvoiceItemRepository } from '../records/invoice.js';
import { createTableAccess } from '../table-access.js';

const columns: ColumnSpec<InvoiceItem> = {
  id: 'text',
  invoiceId: 'text',
  position: 'integer',
  itemId: 'text',
  description: 'text',
  quantity: 'integer',
  price: 'money',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Create the invoice-lines repository of a context. */
export function createInvoiceItemRepository(ctx: StoreContext): InvoiceItemRepository {
  const codec = createCodec<InvoiceItem>('invoice item', ctx.tables.invoiceItems, columns);
  const access = createTableAccess(ctx, codec, [], false);
  return {
    async insertMany(invoiceId, items) {
      const records = items.map((item, position) => access.build({ ...item, invoiceId, position }, {}));
      const rows = records.map((record) => storableRow(codec.toRow(record), ctx.dialect.storableText));
      if (rows.length > 0) await ctx.db(codec.table).insert(rows);
      return rows.map((row) => codec.fromRow(row));
    },
    listByInvoice: (invoiceId) =>
      access.findMany((query) => query.where('invoice_id', invoiceId).orderBy([{ column: 'position' }])),
    deleteByInvoice: async (invoiceId) => ctx.db(codec.table).where('invoice_id', invoiceId).delete(),
  };
}
