/**
 * Step 2 of a charge: the record, committed before Midtrans is called, with the Idempotency-Key
 * it will be sent with — or, for a retry of the same order id, the record already there.
 */
import { randomUUID } from 'node:crypto';
import type { WireChargeRequest } from '../client/wire-types.js';
import { ConflictError } from '../errors.js';
import type { NewPayment, Payment } from '../storage/records/payment.js';
import type { StoreTransaction } from '../storage/store.js';
import type { ServiceContext } from './context.js';
import type { KitUser } from './hooks.js';
import { recordFromRequest } from './payment-records.js';

/** Midtrans keeps an Idempotency-Key for 5 minutes; stay clear of the edge. */
export const IDEMPOTENCY_WINDOW_MS = 4.5 * 60_000;

/** Write the record (or find the one being retried) and commit it, before Midtrans is called. */
export async function writeRecord(
  ctx: ServiceContext,
  wire: WireChargeRequest,
  user: KitUser | undefined,
): Promise<Attempt> {
  const fields = recordFromRequest(wire, wire.payment_type, user === undefined ? null : String(user.id));
  try {
    return await writeOnce(ctx, wire, fields);
  } catch (error) {
    // Another caller inserted this order id between our read and our insert: run again, and the
    // record it wrote is found and judged as a retry.
    if (!(error instanceof ConflictError) || error.field !== 'orderId') throw error;
    return writeOnce(ctx, wire, fields);
  }
}

function writeOnce(ctx: ServiceContext, wire: WireChargeRequest, fields: NewPayment): Promise<Attempt> {
  return ctx.store.transaction(async (tx) => {
    // A plain read first: on MySQL/MariaDB a locking read of a missing key locks the index gap, and
    // two new charges holding the same gap deadlock on their inserts. Only a found row is locked.
    const seen = await tx.payments.findByOrderId(fields.orderId);
    const existing = seen === undefined ? undefined : await tx.payments.lockByOrderId(fields.orderId);
    if (existing !== undefined) return retry(ctx, tx, existing, fields, wire);
    const idempotencyKey = randomUUID();
    const payment = await tx.payments.insert({ ...fields, idempotencyKey });
    await ctx.events.enqueue(
      tx,
      'payment.created',
      { payment, from: null, source: 'api' },
      { idempotencyKey: `${payment.id}:created` },
    );
    return { payment, idempotencyKey, request: wire };
  });
}

/** The record, key and body of one attempt to charge. */
export interface Attempt {
  payment: Payment;
  idempotencyKey: string;
  /** What to send: on a retry of an open record, the body stored with it. */
  request: WireChargeRequest;
}

/**
 * A record with this order id exists. A `created`/`unknown` one (the last attempt's outcome is
 * not known) is re-sent with its stored key while Midtrans still deduplicates it; a `failed` one
 * (Midtrans refused, e.g. a 5xx) may be tried again — with the stored key inside the window,
 * since Midtrans stores only successful answers. Anything else is a duplicate order id.
 */
async function retry(
  ctx: ServiceContext,
  tx: StoreTransaction,
  existing: Payment,
  fields: NewPayment,
  wire: WireChargeRequest,
): Promise<Attempt> {
  const fresh = ctx.now().getTime() - existing.createdAt.getTime() < IDEMPOTENCY_WINDOW_MS;
  const open = existing.status === 'created' || existing.status === 'unknown';
  if (open && existing.idempotencyKey !== null && fresh) {
    // Midtrans answers a known key with its first result whatever the body says, so a retry
    // that changed the charge would be recorded wrongly: it must repeat the stored one.
    const stored = existing.chargeRequest as unknown as WireChargeRequest | null;
    if (stored === null || !sameCharge(stored, wire)) {
      throw new ConflictError(
        `Payment "${existing.orderId}" is being charged with another type or amount; retry it unchanged`,
      );
    }
    ctx.logger.info(
      { orderId: existing.orderId },
      'midtrans-kit: charge retried with its stored Idempotency-Key',
    );
    return { payment: existing, idempotencyKey: existing.idempotencyKey, request: stored };
  }
  if (existing.status === 'failed') {
    const idempotencyKey = fresh && existing.idempotencyKey !== null ? existing.idempotencyKey : randomUUID();
    const payment = await tx.payments.update(existing.id, { ...fields, status: 'created', idempotencyKey });
    await tx.paymentEvents.insert({
      paymentId: payment.id,
      fromStatus: 'failed',
      toStatus: 'created',
      source: 'api',
      data: { reason: 'charge retried after a refusal' },
    });
    return { payment, idempotencyKey, request: wire };
  }
  const why = open
    ? 'its outcome is unknown and Midtrans no longer deduplicates it; check it with getStatus'
    : `it is ${existing.status}`;
  throw new ConflictError(`A payment with orderId "${existing.orderId}" already exists (${why})`);
}

function sameCharge(a: WireChargeRequest, b: WireChargeRequest): boolean {
  return (
    a.payment_type === b.payment_type &&
    a.transaction_details.gross_amount === b.transaction_details.gross_amount
  );
}
