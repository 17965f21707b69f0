/**
 * `POST /snap/v1/transactions/{token}/cancel`: ends a Snap page session before its expiry.
 * Documented answers: `{canceled_at}` (ISO 8601, UTC, milliseconds), and `error_messages` of
 * "token not found", "token already canceled" and "Transaction is on progress" (the customer
 * already picked a method: that is a transaction now, cancelled with `/v2/{id}/cancel`). The
 * docs give no HTTP codes for the three errors; the simulator answers 404, 409 and 409.
 * A cancelled session releases its order id, as an expired one does, and its page refuses to pay.
 */
import type { SimContext } from './context.js';
import type { SimRequest, SimResponse } from './router.js';
import { messagesError } from './wire-errors.js';

/** Handle `POST /snap/v1/transactions/{token}/cancel`. */
export function handleSnapCancel(ctx: SimContext, req: SimRequest): SimResponse {
  const session = ctx.state.snapByToken.get(req.params[0] ?? '');
  if (!session) return messagesError(404, ['token not found']);
  if (session.canceledAt !== undefined) return messagesError(409, ['token already canceled']);
  if (session.transactionId !== undefined) return messagesError(409, ['Transaction is on progress']);
  session.canceledAt = ctx.clock.nowMs();
  if (ctx.state.snapByOrderId.get(session.orderId) === session)
    ctx.state.snapByOrderId.delete(session.orderId);
  return { status: 200, body: { canceled_at: new Date(session.canceledAt).toISOString() } };
}
