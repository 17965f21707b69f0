/**
 * Refunds whose answer never arrived (a crash or a timeout between reserving the row and storing
 * Midtrans's answer) stay `pending` or `unknown` and keep their amount reserved. The reconciler
 * settles them from the status response, which lists the transaction's refunds by refund key
 * (docs/midtrans-wire.md): listed means it succeeded; not listed, once the row is older than the
 * run's `olderThan`, means the request never reached Midtrans, so it failed and frees its amount.
 */
import { MidtransApiError } from '../../errors.js';
import type { Refund } from '../../storage/records/refund.js';
import type { WireRefundEntry, WireRefundResponse, WireTransaction } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { errorDetail } from '../core/logger.js';
import { settleRefund } from '../payments/refund-flow.js';

/** What a pass over open refunds did. */
export interface RefundSweep {
  /** Open refunds looked at. */
  examined: number;
  /** Found at Midtrans and stored as succeeded. */
  settled: number;
  /** Not at Midtrans: stored as failed, their amount released. */
  released: number;
  /** Could not be checked (Midtrans unreachable, an error); left open for the next run. */
  failed: number;
}

const BATCH = 100;

/** Settle every refund left open for longer than `olderThan` ms. */
export async function reconcileRefunds(ctx: ServiceContext, olderThan: number): Promise<RefundSweep> {
  const sweep: RefundSweep = { examined: 0, settled: 0, released: 0, failed: 0 };
  const cutoff = new Date(ctx.now().getTime() - olderThan);
  const open = await ctx.store.refunds.listOpen({ updatedBefore: cutoff, limit: BATCH });
  const byPayment = new Map<string, Refund[]>();
  for (const refund of open)
    byPayment.set(refund.paymentId, [...(byPayment.get(refund.paymentId) ?? []), refund]);
  for (const [paymentId, refunds] of byPayment) {
    sweep.examined += refunds.length;
    try {
      const payment = await ctx.store.payments.findById(paymentId);
      if (payment === undefined) continue;
      const status = await statusOf(ctx, payment.transactionId ?? payment.orderId);
      for (const refund of refunds) {
        const entry = status?.refunds?.find((listed) => listed.refund_key === refund.refundKey);
        if (entry !== undefined && status !== undefined) {
          await settleRefund(ctx, paymentId, refund, confirmed(status, entry));
          sweep.settled += 1;
        } else {
          await release(ctx, refund);
          sweep.released += 1;
        }
      }
    } catch (error) {
      sweep.failed += refunds.length;
      ctx.logger.warn(
        { ...errorDetail(error), paymentId },
        'midtrans-kit: reconciler could not settle refunds',
      );
    }
  }
  return sweep;
}

async function statusOf(ctx: ServiceContext, id: string): Promise<WireTransaction | undefined> {
  try {
    return await ctx.client.core.status(id);
  } catch (error) {
    if (error instanceof MidtransApiError && (error.httpStatus === 404 || error.statusCode === '404')) {
      return undefined;
    }
    throw error;
  }
}

/** The refund answer Midtrans would have given, rebuilt from its entry in the status. */
function confirmed(status: WireTransaction, entry: WireRefundEntry): WireRefundResponse {
  return {
    ...status,
    status_code: '200',
    status_message: 'Refund found in the transaction status by the reconciler',
    refund_chargeback_id: entry.refund_chargeback_id,
    refund_amount: entry.refund_amount,
    refund_key: entry.refund_key ?? '',
  };
}

/** Not at Midtrans: failed, unless it changed meanwhile (a retry of its key took it over). */
async function release(ctx: ServiceContext, refund: Refund): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const locked = await tx.payments.lockById(refund.paymentId);
    if (locked === undefined) return;
    const current = await tx.refunds.findById(refund.id);
    if (current === undefined || current.updatedAt.getTime() !== refund.updatedAt.getTime()) return;
    await tx.refunds.update(refund.id, {
      status: 'failed',
      statusMessage:
        'Midtrans has no refund with this key: the request never reached it (found by the reconciler)',
    });
  });
}
