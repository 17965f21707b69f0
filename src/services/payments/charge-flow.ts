/**
 * A Core API charge, in the order that keeps money safe:
 * 1. validate everything, run `beforeCharge` (a veto ends here: nothing stored, nothing sent);
 * 2. write the record (`created`, with the Idempotency-Key it will send) and commit it
 *    (`charge-record.ts`, which also handles a retry of the same order id);
 * 3. call Midtrans;
 * 4. apply the answer in one transaction with the row locked — a notification that arrived first
 *    already found the record, and the transition table keeps whichever news is newer;
 * 5. on a refusal mark it `failed`, on a timeout `unknown` (the reconciler finishes it).
 */

import { toWireCharge } from '../../domain/mapping.js';
import type { ChargeRequest } from '../../domain/types.js';
import { toJsonObject } from '../../storage/json.js';
import type { Payment } from '../../storage/records/payment.js';
import type { WireChargeRequest, WireChargeResponse } from '../../wire-types.js';
import { afterCommit } from '../core/after-commit.js';
import type { ServiceContext } from '../core/context.js';
import { reachFault } from '../core/fault-points.js';
import type { KitUser } from '../core/hooks.js';
import { withLinkedGopayToken } from '../gopay-accounts/gopay-account-charge.js';
import { assertChargeInput, type CreateChargeOptions } from './charge-input.js';
import { writeRecord } from './charge-record.js';
import { failCharge, recordCallFailure } from './payment-records.js';
import { applyTransaction } from './payment-sync.js';

/** Result of a charge. */
export interface ChargeResult {
  /** The stored payment after Midtrans's answer. */
  payment: Payment;
  /** Midtrans's answer, as received. */
  response: WireChargeResponse;
}

/** Run a Core API charge. */
export async function runCharge(ctx: ServiceContext, input: CreateChargeOptions): Promise<ChargeResult> {
  assertChargeInput(input);
  const user = input.user;
  const orderId =
    input.orderId ??
    (await ctx.hooks.generateOrderId({
      paymentType: input.paymentType,
      user,
      prefix: ctx.config.orderIdPrefix,
    }));
  const customerDetails =
    input.customerDetails ?? (user ? await ctx.hooks.customerDetailsFor(user) : undefined);
  const draft = { ...input, orderId, customerDetails } as ChargeRequest & { user?: KitUser };
  delete draft.user;
  // A linked GoPay account is charged with its stored token, and only by its owner.
  const request = await withLinkedGopayToken(ctx, draft, user);
  const wire = (await ctx.hooks.beforeCharge({
    kind: 'charge',
    request: toWireCharge(request),
    user,
  })) as WireChargeRequest;
  // The hook may have changed the request: validate what will really be sent.
  assertChargeInput({
    ...input,
    orderId: wire.transaction_details.order_id,
    grossAmount: wire.transaction_details.gross_amount,
  });

  const { payment: created, idempotencyKey, request: sent } = await writeRecord(ctx, wire, user);
  await reachFault(ctx, 'charge.recorded');
  let response: WireChargeResponse;
  try {
    response = await ctx.client.core.charge(sent, {
      idempotencyKey,
      overrideNotification: input.notificationUrl ?? ctx.config.notificationUrl,
    });
  } catch (error) {
    return failCharge(ctx, created, error, 'charge');
  }
  await reachFault(ctx, 'charge.answered');
  const payment = await applyAnswer(ctx, created.id, response);
  return { payment, response };
}

async function applyAnswer(
  ctx: ServiceContext,
  paymentId: string,
  response: WireChargeResponse,
): Promise<Payment> {
  try {
    return await ctx.store.transaction(async (tx) => {
      const locked = await tx.payments.lockById(paymentId);
      if (locked === undefined) throw new Error(`payment ${paymentId} vanished`);
      const stored = toJsonObject(response);
      const { payment } = await applyTransaction(ctx, tx, locked, response, 'api', {
        patch: { chargeResponse: stored },
      });
      afterCommit(tx, () =>
        ctx.hooks.afterCharge({
          payment,
          response: stored,
          error: undefined,
        }),
      );
      return payment;
    });
  } catch (error) {
    // An answer we cannot read: Midtrans may have created the charge, so it is `unknown`.
    const payment = await recordCallFailure(ctx, paymentId, error, 'api', 'unknown');
    ctx.logger.error(
      { orderId: payment?.orderId, err: error },
      'midtrans-kit: unreadable charge answer; payment left unknown',
    );
    throw error;
  }
}
