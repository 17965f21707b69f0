/** Notifications (webhook deliveries) on Knex. */
import { type ColumnSpec, createCodec } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { Notification, NotificationRepository } from '../records/notification.js';
import { createTableAccess } from '../table-access.js';
import { whereEquals } from './filters.js';

const columns: ColumnSpec<Notification> = {
  id: 'text',
  rawBody: 'text',
  headers: 'json',
  orderId: 'text',
  transactionId: 'text',
  transactionStatus: 'text',
  fraudStatus: 'text',
  paymentType: 'text',
  statusCode: 'text',
  grossAmount: 'text',
  signatureKey: 'text',
  signatureValid: 'boolean',
  outcome: 'text',
  error: 'text',
  receivedAt: 'date',
  processedAt: 'date',
  paymentId: 'text',
  replayOf: 'text',
  createdAt: 'date',
  updatedAt: 'date',
};

/** Longest value the summary columns hold (characters). */
export const NOTIFICATION_SUMMARY_MAX_LENGTH = 255;

const SUMMARY_FIELDS = [
  'orderId',
  'transactionId',
  'transactionStatus',
  'fraudStatus',
  'paymentType',
  'statusCode',
  'grossAmount',
] as const;

/**
 * Clip the fields copied from the body. They are whatever the sender claimed (a forged delivery may
 * carry a 10 kB order id), and the delivery must still be recorded; the raw body keeps the full text.
 */
function clipSummary<T extends Partial<Notification>>(values: T): T {
  const clipped = { ...values };
  for (const field of SUMMARY_FIELDS) {
    const value = clipped[field];
    if (typeof value === 'string' && value.length > NOTIFICATION_SUMMARY_MAX_LENGTH) {
      // Cut by code point, so an emoji is never split into half a surrogate pair.
      clipped[field] = Array.from(value)
        .slice(0, NOTIFICATION_SUMMARY_MAX_LENGTH)
        .join('') as T[typeof field];
    }
  }
  return clipped;
}

/** Create the notifications repository of a context. */
export function createNotificationRepository(ctx: StoreContext): NotificationRepository {
  const access = createTableAccess(
    ctx,
    createCodec<Notification>('notification', ctx.tables.notifications, columns),
    [],
    false,
  );
  return {
    insert(input) {
      const receivedAt = input.receivedAt ?? input.createdAt ?? ctx.now();
      return access.insert(
        access.build({ createdAt: receivedAt, ...clipSummary(input) }, { outcome: 'received', receivedAt }),
      );
    },
    findById: (id) => access.findOne(whereEquals('id', id)),
    update: (id, patch) => access.update(id, clipSummary(patch)),
    list: (query = {}) =>
      access.page(
        (builder) => {
          if (query.orderId !== undefined) builder.where('order_id', query.orderId);
          if (query.outcome !== undefined) builder.where('outcome', query.outcome);
          if (query.receivedBefore !== undefined) builder.where('received_at', '<', query.receivedBefore);
        },
        { field: 'receivedAt', direction: 'desc' },
        query,
      ),
  };
}
