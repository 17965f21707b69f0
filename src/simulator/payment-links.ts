/**
 * The Payment Link API (`/v1/payment-links`): create (order id + payment URL), get (with usage and
 * purchases), delete. A link's state is the usage count, the expiry window on the simulator clock
 * and a deleted flag; paying through it is payment-link-payment.ts. Errors use the
 * `{error_messages}` shape of Midtrans's newer APIs (the exact bodies are not documented).
 */
import { parseMidtransTime } from '../domain/wire-time.js';
import type { JsonObject, JsonValue } from '../wire-types.js';
import type { SimContext } from './context.js';
import { unitMs } from './expiry-input.js';
import { isObject, numberAt, ORDER_ID_CHARS, objectAt, stringAt } from './json.js';
import type { SimPaymentLink } from './records.js';
import type { SimRequest, SimResponse } from './router.js';
import { findTransaction } from './state.js';
import { messagesError } from './wire-errors.js';

const ECHO_KEYS = ['enabled_payments', 'item_details', 'customer_details', 'title', 'customer_required'];
const LINK_ID = /^[a-z0-9-]{1,100}$/;
const ORDER_ID_MAX = 50;

/** `active`, or why a customer can no longer pay through the link. */
export function paymentLinkStatus(ctx: SimContext, link: SimPaymentLink): string {
  if (link.deleted) return 'deleted';
  if (link.usageLimit !== null && link.usage >= link.usageLimit) return 'used';
  const now = ctx.clock.nowMs();
  if (link.expiry !== undefined && now >= link.expiry.end) return 'expired';
  if (link.expiry !== undefined && now < link.expiry.start) return 'not_started';
  return 'active';
}

/** The link's shareable page. */
export function paymentLinkUrl(ctx: SimContext, link: SimPaymentLink): string {
  return `${ctx.baseUrl}/payment-links/${encodeURIComponent(link.linkId)}`;
}

/** Midtrans writes `start_time` as `yyyy-MM-dd HH:mm Z`; seconds are accepted too. */
function readStart(text: string): number | undefined {
  const withSeconds = text.replace(/^(\d{4}-\d{2}-\d{2} \d{2}:\d{2})(\s)/, '$1:00$2');
  try {
    return parseMidtransTime(withSeconds, 'expiry.start_time').getTime();
  } catch {
    return undefined;
  }
}

function readExpiry(ctx: SimContext, body: JsonObject, errors: string[]): SimPaymentLink['expiry'] {
  const expiry = objectAt(body, 'expiry');
  if (expiry === undefined) return undefined;
  const duration = numberAt(expiry, 'duration');
  const unitText = stringAt(expiry, 'unit') ?? '';
  const unit = unitMs(unitText);
  if (duration === undefined || !Number.isInteger(duration) || duration < 1) {
    errors.push('expiry.duration must be a positive integer');
  }
  if (unit === undefined || !/^(minute|hour|day)s?$/.test(unitText)) {
    errors.push('expiry.unit must be minutes, hours or days');
  }
  const startText = stringAt(expiry, 'start_time');
  const start = startText === undefined ? ctx.clock.nowMs() : readStart(startText);
  if (start === undefined) errors.push('expiry.start_time must be formatted as yyyy-MM-dd HH:mm Z');
  if (duration === undefined || unit === undefined || start === undefined) return undefined;
  return { start, end: start + duration * unit, startText: startText ?? '', duration, unit: unitText };
}

function itemsTotal(body: JsonObject, errors: string[]): number | undefined {
  if (body.item_details === undefined) return undefined;
  if (!Array.isArray(body.item_details)) {
    errors.push('item_details must be an array');
    return undefined;
  }
  let sum = 0;
  for (const item of body.item_details) {
    const price = isObject(item) ? item.price : undefined;
    const quantity = isObject(item) ? item.quantity : undefined;
    if (!isObject(item) || typeof item.name !== 'string' || item.name.length === 0) {
      errors.push('item_details.name is required');
    }
    if (
      typeof price !== 'number' ||
      !Number.isInteger(price) ||
      typeof quantity !== 'number' ||
      quantity < 1
    ) {
      errors.push('item_details.price must be an integer and item_details.quantity at least 1');
    } else sum += price * quantity;
  }
  return sum;
}

/** `POST /v1/payment-links`. */
export function handleCreatePaymentLink(ctx: SimContext, req: SimRequest): SimResponse {
  const body: JsonObject = isObject(req.body) ? req.body : {};
  const errors: string[] = [];
  const details = objectAt(body, 'transaction_details');
  const orderId = stringAt(details, 'order_id');
  if (!orderId) errors.push('transaction_details.order_id is required');
  else if (orderId.length > ORDER_ID_MAX || !ORDER_ID_CHARS.test(orderId)) {
    errors.push(
      `transaction_details.order_id must be at most ${ORDER_ID_MAX} characters of a-z, 0-9, -, _, ~, .`,
    );
  }
  const gross = numberAt(details, 'gross_amount');
  if (gross === undefined || !Number.isSafeInteger(gross) || gross < 1) {
    errors.push('transaction_details.gross_amount must be a positive integer');
  }
  const sum = itemsTotal(body, errors);
  if (sum !== undefined && gross !== undefined && sum !== gross) {
    errors.push('transaction_details.gross_amount is not equal to the sum of item_details');
  }
  const linkId = stringAt(details, 'payment_link_id');
  if (linkId !== undefined && !LINK_ID.test(linkId)) {
    errors.push('transaction_details.payment_link_id may hold only a-z, 0-9 and -');
  }
  const limit = body.usage_limit;
  if (
    limit !== undefined &&
    limit !== null &&
    (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
  ) {
    errors.push('usage_limit must be a positive integer');
  }
  const expiry = readExpiry(ctx, body, errors);
  if (errors.length > 0 || !orderId || gross === undefined) return messagesError(400, errors);
  if (ctx.state.paymentLinks.has(orderId)) return messagesError(409, ['Duplicate order id']);
  const id =
    linkId ?? `${orderId.toLowerCase().replace(/[^a-z0-9-]/g, '-')}-${ctx.ids.alnum(8).toLowerCase()}`;
  if (ctx.state.paymentLinksById.has(id)) return messagesError(409, ['Duplicate payment link id']);

  const echo: JsonObject = {};
  for (const key of ECHO_KEYS) if (body[key] !== undefined) echo[key] = body[key] as JsonValue;
  const link: SimPaymentLink = {
    orderId,
    linkId: id,
    grossAmount: gross,
    echo,
    usageLimit: typeof limit === 'number' ? limit : null,
    usage: 0,
    expiry,
    deleted: false,
    purchases: [],
  };
  ctx.state.paymentLinks.set(orderId, link);
  ctx.state.paymentLinksById.set(id, link);
  return { status: 200, body: { order_id: orderId, payment_url: paymentLinkUrl(ctx, link) } };
}

/** The get answer: the link, its usage and the payments made through it. */
export function paymentLinkView(ctx: SimContext, link: SimPaymentLink): JsonObject {
  const out: JsonObject = {
    order_id: link.orderId,
    payment_link_url: paymentLinkUrl(ctx, link),
    payment_link_id: link.linkId,
    payment_link_type: 'FIXED_AMOUNT',
    gross_amount: link.grossAmount,
    usage_limit: link.usageLimit,
    usage: link.usage,
    ...(link.deleted ? { deleted: true } : {}),
    ...link.echo,
  };
  if (link.expiry !== undefined) {
    out.expiry_start = link.expiry.startText;
    out.expiry_duration = link.expiry.duration;
    out.expiry_unit = link.expiry.unit;
  }
  out.purchases = link.purchases.map((orderId) => {
    const txn = findTransaction(ctx.state, orderId);
    return {
      order_id: orderId,
      payment_status: (txn?.status ?? 'pending').toUpperCase(),
      payment_method: (txn?.paymentType ?? '').toUpperCase(),
    };
  });
  return out;
}

function liveLink(ctx: SimContext, req: SimRequest): SimPaymentLink | undefined {
  const link = ctx.state.paymentLinks.get(req.params[0] ?? '');
  return link === undefined || link.deleted ? undefined : link;
}

/**
 * `GET /v1/payment-links/{order_id}`. A deleted link stays readable (with its purchases), so the
 * payments made before its deletion can still be found; what Midtrans answers there is not
 * documented.
 */
export function handleGetPaymentLink(ctx: SimContext, req: SimRequest): SimResponse {
  const link = ctx.state.paymentLinks.get(req.params[0] ?? '');
  return link ? { status: 200, body: paymentLinkView(ctx, link) } : messagesError(404, ['Not Found']);
}

/** `DELETE /v1/payment-links/{order_id}`: customers can no longer pay; its order id stays taken. */
export function handleDeletePaymentLink(ctx: SimContext, req: SimRequest): SimResponse {
  const link = liveLink(ctx, req);
  if (!link) return messagesError(404, ['Not Found']);
  link.deleted = true;
  return { status: 200, body: { message: `Payment Link with Order ID ${link.orderId} deleted` } };
}
