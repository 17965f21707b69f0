/**
 * Small pieces the payment flows share: finding the record a caller means, the record fields a
 * request implies, and recording a failed call (`failed` when Midtrans refused, `unknown` when
 * it could not be reached and a charge may exist).
 */

import { MidtransApiError, MidtransKitError, MidtransNetworkError, NotFoundError } from '../../errors.js';
import { toJsonArray, toJsonObject } from '../../storage/json.js';
import type { NewPayment, Payment } from '../../storage/records/payment.js';
import type { PaymentEventSource } from '../../storage/records/payment-event.js';
import type { WireChargeRequest, WireSnapRequest } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { recordTransition } from './payment-sync.js';

/** A payment record or its order id. */
export type PaymentRef = Payment | string;

/** The stored payment a caller means. @throws NotFoundError */
export async function findPayment(ctx: ServiceContext, ref: PaymentRef): Promise<Payment> {
  const orderId = typeof ref === 'string' ? ref : ref.orderId;
  const payment = await ctx.store.payments.findByOrderId(orderId);
  if (payment === undefined) throw new NotFoundError(`No payment with order id "${orderId}"`);
  return payment;
}

/**
 * Copy a fresh record onto the caller's object, as django-payment-midtrans (the Django package
 * midtrans-kit ports) updates the instance it was given.
 */
export function refreshInPlace(ref: PaymentRef, payment: Payment): void {
  if (typeof ref !== 'string') Object.assign(ref, payment);
}

/** The record fields of a charge or Snap request as it will be sent. */
export function recordFromRequest(
  request: WireChargeRequest | WireSnapRequest,
  paymentType: string | null,
  userId: string | null,
): NewPayment {
  const customer = request.customer_details;
  return {
    orderId: request.transaction_details.order_id,
    grossAmount: request.transaction_details.gross_amount,
    paymentType,
    status: 'created',
    customerFirstName: customer?.first_name ?? null,
    customerLastName: customer?.last_name ?? null,
    customerEmail: customer?.email ?? null,
    customerPhone: customer?.phone ?? null,
    customerDetails: customer ? toJsonObject(customer, 'customerDetails') : null,
    itemDetails: request.item_details ? toJsonArray(request.item_details, 'itemDetails') : null,
    metadata: request.metadata ?? null,
    customField1: request.custom_field1 ?? null,
    customField2: request.custom_field2 ?? null,
    customField3: request.custom_field3 ?? null,
    userId,
    chargeRequest: toJsonObject(request, 'chargeRequest'),
  };
}

/**
 * Record that a call about `paymentId` failed: a network error (or an answer we could not read,
 * `outcome: 'unknown'`) moves a fresh record to `unknown`, since a charge may exist at Midtrans;
 * anything else (a Midtrans refusal, a request refused before sending) to `failed`, keeping
 * Midtrans's code and message. A record that already moved on (a notification beat us) is left alone.
 */
export async function recordCallFailure(
  ctx: ServiceContext,
  paymentId: string,
  error: unknown,
  source: PaymentEventSource,
  outcome?: 'failed' | 'unknown',
): Promise<Payment | undefined> {
  const payment = await ctx.store.transaction(async (tx): Promise<Payment | undefined> => {
    const locked = await tx.payments.lockById(paymentId);
    if (locked === undefined) return undefined;
    if (locked.status !== 'created' && locked.status !== 'unknown') return locked;
    const to = outcome ?? (error instanceof MidtransNetworkError ? 'unknown' : 'failed');
    const patch =
      error instanceof MidtransApiError
        ? {
            statusCode: error.statusCode ?? String(error.httpStatus),
            statusMessage: error.messages.join('; ') || error.message,
            lastResponse: isObject(error.body) ? toJsonObject(error.body) : null,
          }
        : { statusMessage: error instanceof Error ? error.message : String(error) };
    return locked.status === to
      ? tx.payments.update(locked.id, patch)
      : recordTransition(ctx, tx, locked, to, patch, source, { data: { error: patch.statusMessage } });
  });
  // With a generated order id the caller would otherwise have no way to find the record.
  if (payment !== undefined && error instanceof MidtransKitError) error.orderId ??= payment.orderId;
  return payment;
}

/**
 * A charge or Snap call that failed: record it (`recordCallFailure`), log it without the request,
 * tell the `afterCharge` hook, and throw the error on to the caller.
 */
export async function failCharge(
  ctx: ServiceContext,
  created: Payment,
  error: unknown,
  what: 'charge' | 'Snap transaction',
): Promise<never> {
  const payment = await recordCallFailure(ctx, created.id, error, 'api');
  ctx.logger.warn(
    { orderId: created.orderId, status: payment?.status, err: error },
    `midtrans-kit: ${what} failed`,
  );
  if (payment !== undefined) await ctx.hooks.afterCharge({ payment, response: undefined, error });
  throw error;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
