/**
 * Creating a payment link, in the same order as a charge:
 * 1. validate, fill in the order id (a bare generated one when absent);
 * 2. write the link (`draft`) and its lines, and commit;
 * 3. call Midtrans (outside any transaction);
 * 4. apply the answer under the row lock (`active`, payment URL, `payment_link.created`);
 * 5. on a refusal mark it `failed`; on a network error leave it `draft` (Midtrans documents no
 *    idempotency key for this call, so it is never re-sent blindly: `refresh` asks Midtrans).
 */
import { generateOrderId, validateOrderId } from '../../domain/order-id.js';
import { MidtransApiError, MidtransKitError } from '../../errors.js';
import { PAYMENT_LINK_ORDER_ID_MAX_LENGTH } from '../../limits.js';
import { toJsonObject } from '../../storage/json.js';
import type { PaymentLink } from '../../storage/records/payment-link.js';
import type { WirePaymentLinkCreateResponse } from '../../wire-types.js';
import type { ServiceContext } from '../core/context.js';
import { assertPaymentLinkInput, expiryWindow, paymentLinkTotal } from './payment-link-input.js';
import { toWirePaymentLinkCreate } from './payment-link-request.js';
import type { CreatePaymentLinkInput } from './payment-link-schema.js';

/** Run `paymentLinks.create`. */
export async function runCreatePaymentLink(
  ctx: ServiceContext,
  input: CreatePaymentLinkInput,
): Promise<PaymentLink> {
  const now = ctx.now();
  assertPaymentLinkInput(input, now);
  // Not the `generateOrderId` hook: its ids (prefix + 23) leave no room for the 25 characters
  // Midtrans appends for each payment; a bare generated id (23) does.
  const orderId = validateOrderId(
    input.orderId ?? generateOrderId({ prefix: '', maxLength: PAYMENT_LINK_ORDER_ID_MAX_LENGTH }),
    { maxLength: PAYMENT_LINK_ORDER_ID_MAX_LENGTH },
  );
  const total = paymentLinkTotal(input);
  const request = toWirePaymentLinkCreate(input, orderId, total);
  const window = expiryWindow(input, now);
  const link = await ctx.store.transaction(async (tx) => {
    const created = await tx.paymentLinks.insert({
      orderId,
      linkId: input.linkId ?? null,
      title: input.title ?? null,
      grossAmount: total,
      usageLimit: input.usageLimit ?? null,
      startsAt: window?.startsAt ?? null,
      expiresAt: window?.expiresAt ?? null,
      customerFirstName: input.customer?.firstName ?? null,
      customerLastName: input.customer?.lastName ?? null,
      customerEmail: input.customer?.email ?? null,
      customerPhone: input.customer?.phone ?? null,
      userId: input.user === undefined ? null : String(input.user.id),
      request: toJsonObject(request),
      metadata: input.metadata ?? null,
    });
    await tx.paymentLinkItems.insertMany(
      created.id,
      input.items.map((item) => ({
        name: item.name,
        quantity: item.quantity,
        price: item.price,
        itemId: item.itemId ?? null,
        brand: item.brand ?? null,
        category: item.category ?? null,
        merchantName: item.merchantName ?? null,
      })),
    );
    return created;
  });
  let response: WirePaymentLinkCreateResponse;
  try {
    response = await ctx.client.paymentLinks.createPaymentLink(request);
  } catch (error) {
    await recordCreateFailure(ctx, link.id, error);
    throw error;
  }
  return activate(ctx, link.id, response.payment_url, toJsonObject(response));
}

/** Apply Midtrans's "created": `active` with its URL, announced once. */
export function activate(
  ctx: ServiceContext,
  id: string,
  paymentUrl: string,
  response: PaymentLink['response'],
): Promise<PaymentLink> {
  return ctx.store.transaction(async (tx) => {
    const locked = await tx.paymentLinks.lockById(id);
    if (locked === undefined) throw new Error(`payment link ${id} vanished`);
    if (locked.status !== 'draft' && locked.status !== 'failed') return locked;
    const updated = await tx.paymentLinks.update(id, {
      status: 'active',
      paymentUrl,
      response,
      lastError: null,
    });
    await ctx.events.enqueue(
      tx,
      'payment_link.created',
      { paymentLink: updated, from: null, source: 'api' },
      { idempotencyKey: `${updated.id}:created` },
    );
    return updated;
  });
}

/** A refusal makes a draft `failed`; anything else leaves it `draft` (Midtrans may have made it). */
async function recordCreateFailure(ctx: ServiceContext, id: string, error: unknown): Promise<void> {
  const refused = error instanceof MidtransApiError && error.httpStatus !== 409 && error.httpStatus < 500;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const link = await ctx.store.transaction(async (tx) => {
    const locked = await tx.paymentLinks.lockById(id);
    if (locked === undefined || locked.status !== 'draft') return locked;
    return tx.paymentLinks.update(id, { lastError: text, ...(refused ? { status: 'failed' } : {}) });
  });
  if (link !== undefined && error instanceof MidtransKitError) error.orderId ??= link.orderId;
  ctx.logger.warn(
    { paymentLinkId: id, status: link?.status, err: error },
    'midtrans-kit: payment link create failed',
  );
}
