/** Invoices on Knex. */
import { type ColumnSpec, createCodec } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { Invoice, LockingInvoiceRepository } from '../records/invoice.js';
import { createTableAccess } from '../table-access.js';
import { uniqueKeyName } from '../tables.js';
import { whereEquals, whereOneOf } from './filters.js';

const columns: ColumnSpec<Invoice> = {
  id: 'text',
  invoiceNumber: 'text',
  orderId: 'text',
  midtransInvoiceId: 'text',
  status: 'text',
  paymentType: 'text',
  customerId: 'text',
  customerName: 'text',
  customerEmail: 'text',
  customerPhone: 'text',
  userId: 'text',
  totalAmount: 'money',
  currency: 'text',
  invoiceDate: 'date',
  dueDate: 'date',
  paidAt: 'date',
  paymentLinkUrl: 'text',
  pdfUrl: 'text',
  notes: 'text',
  voidReason: 'text',
  response: 'json',
  metadata: 'json',
  request: 'json',
  idempotencyKey: 'text',
  lastError: 'text',
  paymentId: 'text',
  version: 'integer',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Create the invoices repository of a context (locking methods work only in a transaction). */
export function createInvoiceRepository(ctx: StoreContext): LockingInvoiceRepository {
  const table = ctx.tables.invoices;
  const access = createTableAccess(
    ctx,
    createCodec<Invoice>('invoice', table, columns),
    [
      { field: 'invoiceNumber', name: uniqueKeyName(table, 'invoice_number') },
      { field: 'orderId', name: uniqueKeyName(table, 'order_id') },
    ],
    true,
  );
  return {
    insert: (input) => access.insert(access.build(input, { status: 'draft', currency: 'IDR' })),
    findById: (id) => access.findOne(whereEquals('id', id)),
    findByInvoiceNumber: (invoiceNumber) => access.findOne(whereEquals('invoice_number', invoiceNumber)),
    findByOrderId: (orderId) => access.findOne(whereEquals('order_id', orderId)),
    findByMidtransInvoiceId: (midtransInvoiceId) =>
      access.findOne(whereEquals('midtrans_invoice_id', midtransInvoiceId)),
    update: (id, patch, options) => access.update(id, patch, options),
    list: (query = {}) =>
      access.page(
        (builder) => {
          if (query.userId !== undefined) builder.where('user_id', query.userId);
          if (query.status !== undefined) whereOneOf(builder, 'status', query.status);
          if (query.dueBefore !== undefined) builder.where('due_date', '<', query.dueBefore);
        },
        { field: 'createdAt', direction: 'desc' },
        query,
      ),
    lockById: (id) => access.findOne(whereEquals('id', id), 'update'),
    lockByOrderId: (orderId) => access.findOne(whereEquals('order_id', orderId), 'update'),
  };
}
