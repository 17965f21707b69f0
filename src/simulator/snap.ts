/**
 * Snap (docs/midtrans-wire.md §7): `POST /snap/v1/transactions` gives a token and a redirect URL to
 * the simulator's Snap page. No transaction exists (GET status is 404) until the customer picks a
 * method there; picking one runs an ordinary Core charge with the Snap request's details and
 * headers.
 */
import { MAX_CUSTOM_EXPIRY_MS } from '../domain/expiry-limits.js';
import type { JsonObject } from '../wire-types.js';
import { luhnValid } from './cards.js';
import { charge } from './charge.js';
import { notificationHeaders, readCommon } from './charge-input.js';
import type { SimContext } from './context.js';
import { orderIdAvailable } from './create-transaction.js';
import { readExpiry } from './expiry-input.js';
import { isObject, objectAt, stringAt } from './json.js';
import type { SnapSession } from './records.js';
import type { SimRequest, SimResponse } from './router.js';
import { messagesError } from './wire-errors.js';

/** Default Snap token lifetime (unconfirmed in the docs; commonly 24 h). */
const SNAP_TOKEN_TTL_MS = 24 * 3_600_000;

/** Snap methods the page offers, with the Core charge body part each one maps to. */
export const SNAP_METHODS: ReadonlyMap<string, { label: string; body: JsonObject }> = new Map<
  string,
  { label: string; body: JsonObject }
>([
  [
    'bca_va',
    { label: 'BCA Virtual Account', body: { payment_type: 'bank_transfer', bank_transfer: { bank: 'bca' } } },
  ],
  [
    'bni_va',
    { label: 'BNI Virtual Account', body: { payment_type: 'bank_transfer', bank_transfer: { bank: 'bni' } } },
  ],
  [
    'bri_va',
    { label: 'BRI Virtual Account', body: { payment_type: 'bank_transfer', bank_transfer: { bank: 'bri' } } },
  ],
  [
    'cimb_va',
    {
      label: 'CIMB Virtual Account',
      body: { payment_type: 'bank_transfer', bank_transfer: { bank: 'cimb' } },
    },
  ],
  [
    'permata_va',
    {
      label: 'Permata Virtual Account',
      body: { payment_type: 'bank_transfer', bank_transfer: { bank: 'permata' } },
    },
  ],
  [
    'echannel',
    {
      label: 'Mandiri Bill',
      body: { payment_type: 'echannel', echannel: { bill_info1: 'Payment:', bill_info2: 'Online purchase' } },
    },
  ],
  ['gopay', { label: 'GoPay', body: { payment_type: 'gopay' } }],
  ['shopeepay', { label: 'ShopeePay', body: { payment_type: 'shopeepay', shopeepay: {} } }],
  ['other_qris', { label: 'QRIS', body: { payment_type: 'qris', qris: { acquirer: 'gopay' } } }],
  ['indomaret', { label: 'Indomaret', body: { payment_type: 'cstore', cstore: { store: 'indomaret' } } }],
  ['alfamart', { label: 'Alfamart', body: { payment_type: 'cstore', cstore: { store: 'alfamart' } } }],
  ['akulaku', { label: 'Akulaku', body: { payment_type: 'akulaku' } }],
  ['kredivo', { label: 'Kredivo', body: { payment_type: 'kredivo' } }],
  ['credit_card', { label: 'Credit / debit card', body: { payment_type: 'credit_card' } }],
]);

/** The documented answer to an order id already in use (active or paid). */
export const DUPLICATE_ORDER_MESSAGE = 'order_id has been paid and utilized, please use another order ID';

/** `POST /snap/v1/transactions`. */
export function handleSnapCreate(ctx: SimContext, req: SimRequest): SimResponse {
  const body = isObject(req.body) ? req.body : undefined;
  if (!body) return messagesError(400, ['request body must be a JSON object']);
  const errors: string[] = [];
  const common = readCommon(body, errors);
  const now = ctx.clock.nowMs();
  // The payment type is chosen later on the Snap page, so the general maximum applies here.
  const where = {
    field: 'expiry',
    startKey: 'start_time',
    durationKey: 'duration',
    maxMs: MAX_CUSTOM_EXPIRY_MS,
  };
  const expiresAt = readExpiry(objectAt(body, 'expiry'), where, now, errors);
  if (errors.length > 0 || !common) return messagesError(400, errors);
  if (!orderIdAvailable(ctx, common.orderId)) {
    // Midtrans's "Error Code & Response Code" page: 406, in these words (docs/simulator.md).
    return messagesError(406, [DUPLICATE_ORDER_MESSAGE]);
  }
  const token = ctx.ids.uuid();
  const session: SnapSession = {
    token,
    orderId: common.orderId,
    grossAmount: common.grossAmount,
    request: body,
    notify: notificationHeaders(req.headers),
    expiresAt: expiresAt ?? now + SNAP_TOKEN_TTL_MS,
    transactionId: undefined,
    finishUrl: stringAt(objectAt(body, 'callbacks'), 'finish'),
    canceledAt: undefined,
  };
  ctx.state.snapByToken.set(token, session);
  ctx.state.snapByOrderId.set(common.orderId, session);
  return { status: 201, body: { token, redirect_url: `${ctx.baseUrl}/snap/v2/vtweb/${token}` } };
}

/** Methods a session offers (its `enabled_payments`, or all). */
export function sessionMethods(session: SnapSession): string[] {
  const enabled = session.request.enabled_payments;
  const all = [...SNAP_METHODS.keys()];
  if (!Array.isArray(enabled) || enabled.length === 0) return all;
  return all.filter((method) => enabled.includes(method));
}

/**
 * The customer picked `method` on the Snap page: charge it. Cards are tokenised here (the Snap
 * page plays the card form) and go through 3DS unless `credit_card.secure` is false.
 */
export function payWithSnap(
  ctx: SimContext,
  session: SnapSession,
  method: string,
  cardNumber?: string,
): SimResponse | { error: string } {
  const choice = SNAP_METHODS.get(method);
  if (!choice || !sessionMethods(session).includes(method))
    return { error: `Method ${method} is not enabled` };
  if (session.transactionId !== undefined) return { error: 'A payment method was already chosen' };
  if (session.expiresAt <= ctx.clock.nowMs()) return { error: 'This checkout has expired' };
  if (session.canceledAt !== undefined) return { error: 'This checkout was cancelled by the merchant' };
  const body: JsonObject = { ...session.request, ...choice.body };
  delete body.enabled_payments;
  if (method === 'credit_card') {
    const digits = (cardNumber ?? '4811111111111114').replace(/\D/g, '');
    if (!luhnValid(digits)) return { error: 'Card number does not pass the Luhn check' };
    const tokenId = `${digits.slice(0, 8)}-${digits.slice(-4)}-${ctx.ids.uuid()}`;
    ctx.state.tokens.set(tokenId, {
      cardNumber: digits,
      expiresAt: ctx.clock.nowMs() + 600_000,
      reusable: false,
      used: false,
    });
    const secure = objectAt(session.request, 'credit_card')?.secure !== false;
    body.credit_card = { token_id: tokenId, authentication: secure };
  }
  // The Snap token reserved the order id; release it so the charge can use it.
  ctx.state.snapByOrderId.delete(session.orderId);
  const result = charge(ctx, body, session.notify);
  const created = ctx.state.byOrderId.get(session.orderId);
  if (created && result.status < 400) {
    session.transactionId = created.transactionId;
    created.finishUrl = session.finishUrl;
  } else ctx.state.snapByOrderId.set(session.orderId, session);
  return result;
}
