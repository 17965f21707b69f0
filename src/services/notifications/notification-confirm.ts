/**
 * Confirming a notification with Midtrans: the official libraries' pattern (docs/midtrans-wire.md §6.4)
 * of asking GET status for the transaction and taking that answer as the truth, so a delivery
 * that is old, duplicated or replayed applies what Midtrans says now.
 */
import type { WireNotification, WireTransaction } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';

/** The status response disagrees with the notification it was asked about. */
export class StatusMismatchError extends Error {
  /** @param message what disagreed. */
  constructor(message: string) {
    super(message);
    this.name = 'StatusMismatchError';
  }
}

/**
 * Ask Midtrans for the current state of the notified transaction.
 * @throws MidtransApiError / MidtransNetworkError from the client, or StatusMismatchError when the
 * answer is about another order or lacks the fields a transition needs.
 */
export async function confirmWithStatus(
  ctx: ServiceContext,
  body: WireNotification,
): Promise<WireTransaction> {
  // The transaction id names one attempt; an order id re-used after expiry names the newest one.
  const id =
    typeof body.transaction_id === 'string' && body.transaction_id !== ''
      ? body.transaction_id
      : body.order_id;
  const status = await ctx.client.core.status(id);
  if (status.order_id !== body.order_id) {
    throw new StatusMismatchError(
      `status for "${id}" is about order "${String(status.order_id)}", not "${body.order_id}"`,
    );
  }
  if (typeof status.transaction_status !== 'string' || typeof status.gross_amount !== 'string') {
    throw new StatusMismatchError(`status for "${id}" lacks transaction_status or gross_amount`);
  }
  return status;
}
