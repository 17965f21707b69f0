/**
 * A Snap transaction: same safety order as a charge (validate, `beforeCharge`, write the record,
 * call, store the answer). Snap has no idempotency key, so the call is never retried; a timeout
 * leaves the record `unknown`. The record is `pending` once the token exists; the payment type
 * is filled in when the customer chooses one and Midtrans reports it.
 */

import { toWireSnap } from '../../domain/mapping.js';
import { snapPageEnd } from '../../domain/snap-page-expiry.js';
import type { SnapRequest } from '../../domain/types.js';
import { ConflictError } from '../../errors.js';
import type { Payment } from '../../storage/records/payment.js';
import type { WireSnapRequest } from '../../wire-types.js';
import { afterCommit } from '../core/after-commit.js';
import type { ServiceContext } from '../core/context.js';
import { reachFault } from '../core/fault-points.js';
import { assertSnapInput, type CreateSnapOptions } from './charge-input.js';
import { failCharge, recordFromRequest } from './payment-records.js';
import { recordTransition } from './payment-sync.js';

/** Result of `createSnapTransaction`. */
export interface SnapTransactionResult {
  /** The stored payment (`pending`, with `snapToken` and `redirectUrl`). */
  payment: Payment;
  /** Token for Snap.js. */
  token: string;
  /** Hosted payment page. */
  redirectUrl: string;
}

/** Run a Snap transaction. */
export async function runSnap(ctx: ServiceContext, input: CreateSnapOptions): Promise<SnapTransactionResult> {
  assertSnapInput(input);
  const { user, notificationUrl, ...rest } = input;
  const orderId =
    rest.orderId ??
    (await ctx.hooks.generateOrderId({ paymentType: undefined, user, prefix: ctx.config.orderIdPrefix }));
  const customerDetails =
    rest.customerDetails ?? (user ? await ctx.hooks.customerDetailsFor(user) : undefined);
  const request = {
    ...rest,
    orderId,
    customerDetails,
    ...(user ? { userId: String(user.id) } : {}),
  } as SnapRequest;
  const wire = (await ctx.hooks.beforeCharge({
    kind: 'snap',
    request: toWireSnap(request),
    user,
  })) as WireSnapRequest;
  assertSnapInput({
    ...input,
    orderId: wire.transaction_details.order_id,
    grossAmount: wire.transaction_details.gross_amount,
  });

  const fields = recordFromRequest(wire, null, user === undefined ? null : String(user.id));
  const created = await ctx.store.transaction(async (tx) => {
    if ((await tx.payments.findByOrderId(fields.orderId)) !== undefined) {
      // Snap has no idempotency key, so an order id is never reused, by its owner or anyone else.
      throw new ConflictError(`A payment with orderId "${fields.orderId}" already exists`, {
        field: 'orderId',
      });
    }
    const payment = await tx.payments.insert(fields);
    await ctx.events.enqueue(
      tx,
      'payment.created',
      { payment, from: null, source: 'api' },
      {
        idempotencyKey: `${payment.id}:created`,
      },
    );
    return payment;
  });
  await reachFault(ctx, 'snap.recorded');
  let answer: { token: string; redirect_url: string };
  try {
    answer = await ctx.client.snap.createTransaction(wire, {
      overrideNotification: notificationUrl ?? ctx.config.notificationUrl,
    });
  } catch (error) {
    return failCharge(ctx, created, error, 'Snap transaction');
  }
  await reachFault(ctx, 'snap.answered');
  const payment = await ctx.store.transaction(async (tx) => {
    const locked = await tx.payments.lockById(created.id);
    if (locked === undefined) throw new Error(`payment ${created.id} vanished`);
    const patch = {
      snapToken: answer.token,
      redirectUrl: answer.redirect_url,
      chargeResponse: { ...answer },
      // Until a method is picked, "pay before" is the page's end; Midtrans's expiry_time replaces it.
      // Counted on the kit's clock (the one the reconciler compares with), from now: never earlier
      // than Midtrans's own end, so a page is never expired here while it still takes payments.
      ...(locked.expiryTime === null ? { expiryTime: snapPageEnd(wire.expiry, ctx.now()) } : {}),
    };
    // A notification may already have moved it on (the customer was quick): keep that status.
    const stored =
      locked.status === 'created'
        ? await recordTransition(ctx, tx, locked, 'pending', patch, 'api')
        : await tx.payments.update(locked.id, patch);
    afterCommit(tx, () =>
      ctx.hooks.afterCharge({ payment: stored, response: { ...answer }, error: undefined }),
    );
    return stored;
  });
  return { payment, token: answer.token, redirectUrl: answer.redirect_url };
}
