/** Payment status history on Knex. */
import { type ColumnSpec, createCodec } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { PaymentEvent, PaymentEventRepository } from '../records/payment-event.js';
import { createTableAccess } from '../table-access.js';

const columns: ColumnSpec<PaymentEvent> = {
  id: 'text',
  paymentId: 'text',
  fromStatus: 'text',
  toStatus: 'text',
  source: 'text',
  notificationId: 'text',
  data: 'json',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Create the payment-history repository of a context. */
export function createPaymentEventRepository(ctx: StoreContext): PaymentEventRepository {
  const access = createTableAccess(
    ctx,
    createCodec<PaymentEvent>('payment event', ctx.tables.paymentEvents, columns),
    [],
    false,
  );
  return {
    insert: (input) => access.insert(access.build(input, {})),
    // Ids are time-ordered within a process, so they break ties between events of one millisecond.
    listByPayment: (paymentId) =>
      access.findMany((query) =>
        query.where('payment_id', paymentId).orderBy([{ column: 'created_at' }, { column: 'id' }]),
      ),
  };
}
