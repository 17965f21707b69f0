/**
 * Step 2 of a charge: the record, committed before Midtrans is called, with the Idempotency-Key
 * it will be sent with — or, for a retry of the same order id, the record already there.
 */
import { randomUUID } from 'node:crypto';
import { ConflictError } from '../../errors.js';
import type { NewPayment, Payment } from '../../storage/records/payment.js';
import type { StoreTransaction } from '../../storage/store.js';
import type { WireChargeRequest } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import type { KitUser } from '../core/hooks.js';
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
    // record it wrote is found and judged as a retry (or refused, when it is someone else's).
    if (!(error instanceof InsertRace)) throw error;
    return writeOnce(ctx, wire, fields);
  }
}

/** Our insert lost a race for the order id (a refusal of a retry is a ConflictError instead). */
class InsertRace extends Error {}

function writeOnce(ctx: ServiceContext, wire: WireChargeRequest, fields: NewPayment): Promise<Attempt> {
  return ctx.store.transaction(async (tx) => {
    // A plain read first: on MySQL/MariaDB a locking read of a missing key locks the index gap, and
    // two new charges holding the same gap deadlock on their inserts. Only a found row is locked.
    const seen = await tx.payments.findByOrderId(fields.orderId);
    const existing = seen === undefined ? undefined : await tx.payments.lockByOrderId(fields.orderId);
    if (existing !== undefined) return retry(ctx, tx, existing, fields, wire);
    const idempotencyKey = randomUUID();
    const payment = await tx.payments.insert({ ...fields, idempotencyKey }).catch((error: unknown) => {
      if (error instanceof ConflictError && error.field === 'orderId') throw new InsertRace();
      throw error;
    });
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
 * A record with this order id exists. It is reused only by the same owner (`userId`, null for a
 * charge without a user) sending the same request (every field of the wire body, compared as JSON);
 * anyone else is told only that the order id is taken, and nothing is changed or shown.
 * For its owner: a `created`/`unknown` record (the last attempt's outcome is not known) is re-sent
 * with its stored key while Midtrans still deduplicates it; a `failed` one (Midtrans refused, so no
 * transaction holds the order id there) may be charged again, changed or not — with the stored key
 * only for the same request inside the window, since Midtrans stores only successful answers.
 * Anything else is a duplicate order id.
 */
async function retry(
  ctx: ServiceContext,
  tx: StoreTransaction,
  existing: Payment,
  fields: NewPayment,
  wire: WireChargeRequest,
): Promise<Attempt> {
  // Another owner's record: its amount, customer, VA number and even its status stay private.
  if (existing.userId !== fields.userId) throw orderIdTaken(existing.orderId);
  const fresh = ctx.now().getTime() - existing.createdAt.getTime() < IDEMPOTENCY_WINDOW_MS;
  const open = existing.status === 'created' || existing.status === 'unknown';
  const stored = existing.chargeRequest as unknown as WireChargeRequest | null;
  const same = stored !== null && sameJson(stored, wire);
  if (open && existing.idempotencyKey !== null && fresh) {
    // Midtrans answers a known key with its first result whatever the body says, so a retry
    // that changed the charge would be recorded wrongly: it must repeat the stored one.
    if (stored === null || !same) {
      throw new ConflictError(
        `Payment "${existing.orderId}" is being charged with another request; retry it unchanged`,
        { field: 'orderId' },
      );
    }
    ctx.logger.info(
      { orderId: existing.orderId },
      'midtrans-kit: charge retried with its stored Idempotency-Key',
    );
    return { payment: existing, idempotencyKey: existing.idempotencyKey, request: stored };
  }
  if (existing.status === 'failed') {
    const idempotencyKey =
      same && fresh && existing.idempotencyKey !== null ? existing.idempotencyKey : randomUUID();
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
  throw new ConflictError(`A payment with orderId "${existing.orderId}" already exists (${why})`, {
    field: 'orderId',
  });
}

/** The refusal for an order id someone else holds: it names only what the caller sent. */
function orderIdTaken(orderId: string): ConflictError {
  return new ConflictError(`orderId "${orderId}" is already in use`, { field: 'orderId' });
}

/** Whether two JSON values are equal, whatever the key order (a jsonb column reorders keys). */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : item,
  );
}
