/**
 * Recording what became of a delivery on its stored row. Refusals also raise
 * `notification.rejected`, in the same transaction, so the event exists exactly when the row says so.
 */
import type { Notification } from '../../storage/records/notification.js';
import type { StoreTransaction } from '../../storage/store.js';
import type { ServiceContext } from '../core/context.js';
import { errorDetail } from '../core/logger.js';
import { type NotificationVerdict, VERDICT_OUTCOME } from './notification-verdicts.js';

/** The verdict and the delivery as recorded. */
export interface AppliedDelivery {
  /** What was decided. */
  readonly verdict: NotificationVerdict;
  /** The stored delivery after recording it. */
  readonly notification: Notification;
}

/** Details recorded with an outcome. */
export interface OutcomeDetail {
  /** Why, for rejections and failures. */
  error?: string | null;
  /** The payment, once known. */
  paymentId?: string | null;
  /** The signature check's result. */
  signatureValid?: boolean | null;
}

/** Record a verdict on the stored delivery (in `tx` when given, so it commits with the change). */
export function recordOutcome(
  ctx: ServiceContext,
  repo: Pick<StoreTransaction, 'notifications'>,
  notification: Notification,
  verdict: NotificationVerdict,
  detail: OutcomeDetail = {},
): Promise<Notification> {
  return repo.notifications.update(notification.id, {
    ...detail,
    outcome: VERDICT_OUTCOME[verdict],
    processedAt: ctx.now(),
  });
}

/** Record a refusal and raise `notification.rejected` in the same transaction. */
export async function recordRejection(
  ctx: ServiceContext,
  tx: StoreTransaction,
  notification: Notification,
  verdict: NotificationVerdict,
  detail: OutcomeDetail,
): Promise<AppliedDelivery> {
  const recorded = await recordOutcome(ctx, tx, notification, verdict, detail);
  await ctx.events.enqueue(
    tx,
    'notification.rejected',
    { notification: recorded, verdict },
    {
      idempotencyKey: `notification.rejected:${recorded.id}`,
    },
  );
  return { verdict, notification: recorded };
}

/** Record a refusal in a transaction of its own. */
export function reject(
  ctx: ServiceContext,
  notification: Notification,
  verdict: NotificationVerdict,
  detail: OutcomeDetail,
): Promise<AppliedDelivery> {
  return ctx.store.transaction((tx) => recordRejection(ctx, tx, notification, verdict, detail));
}

/** Log a processing failure and record it as `failed`; never throws. */
export async function recordFailure(
  ctx: ServiceContext,
  notification: Notification,
  error: unknown,
  signatureValid: boolean | null,
): Promise<Notification> {
  ctx.logger.error(
    { ...errorDetail(error), notificationId: notification.id, orderId: notification.orderId },
    'midtrans-kit: notification processing failed; asking for a retry',
  );
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  try {
    return await recordOutcome(ctx, ctx.store, notification, 'error', { error: message, signatureValid });
  } catch {
    // The database itself is failing: the row stays `received`, which a replay can pick up.
    return notification;
  }
}
