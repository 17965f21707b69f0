/**
 * Validation of the parts every charge (Core API and Snap) shares: order id, amount, items,
 * custom expiry, echoed custom fields and the notification URL headers.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ORDER_ID_MAX_LENGTH } from '../constants.js';
import type { JsonObject } from '../wire-types.js';
import { isObject, ORDER_ID_CHARS, objectAt, stringAt } from './json.js';

/** The validated common part of a charge. */
export interface CommonCharge {
  orderId: string;
  grossAmount: number;
  /** `custom_field1..3` and `metadata`, echoed in status and notifications. */
  extras: JsonObject;
}

/** Check `transaction_details`, `item_details` and the echoed fields; push messages into `errors`. */
export function readCommon(body: JsonObject, errors: string[]): CommonCharge | undefined {
  const details = objectAt(body, 'transaction_details');
  const orderId = stringAt(details, 'order_id');
  const gross = details?.gross_amount;
  if (!details) errors.push('transaction_details is required');
  if (orderId === undefined || orderId === '') errors.push('transaction_details.order_id is required');
  else if (orderId.length > ORDER_ID_MAX_LENGTH) {
    errors.push(`transaction_details.order_id too long, max ${ORDER_ID_MAX_LENGTH} characters`);
  } else if (!ORDER_ID_CHARS.test(orderId)) {
    errors.push('transaction_details.order_id may only contain alphanumeric, -, _, ~ and .');
  }
  if (gross === undefined) errors.push('transaction_details.gross_amount is required');
  else if (typeof gross !== 'number' || !Number.isSafeInteger(gross) || gross < 1) {
    errors.push('transaction_details.gross_amount must be a positive integer');
  }
  const items = body.item_details;
  if (items !== undefined && typeof gross === 'number') {
    if (!Array.isArray(items)) errors.push('item_details must be an array');
    else {
      let sum = 0;
      items.forEach((item, index) => {
        const price = isObject(item) ? item.price : undefined;
        const quantity = isObject(item) ? item.quantity : undefined;
        if (typeof price !== 'number' || !Number.isInteger(price)) {
          errors.push(`item_details[${index}].price must be an integer`);
        } else if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
          errors.push(`item_details[${index}].quantity must be a positive integer`);
        } else sum += price * quantity;
      });
      if (errors.length === 0 && sum !== gross) {
        errors.push('transaction_details.gross_amount is not equal to the sum of item_details');
      }
    }
  }
  const extras: JsonObject = {};
  for (const key of ['custom_field1', 'custom_field2', 'custom_field3']) {
    const value = body[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length > 255)
      errors.push(`${key} must be a string of at most 255 characters`);
    else extras[key] = value;
  }
  if (body.metadata !== undefined) {
    if (!isObject(body.metadata)) errors.push('metadata must be a JSON object');
    else extras.metadata = body.metadata;
  }
  if (errors.length > 0 || orderId === undefined || typeof gross !== 'number') return undefined;
  return { orderId, grossAmount: gross, extras };
}

/** URLs of `X-Override-Notification` / `X-Append-Notification` (1–3, comma separated). */
export function notificationHeaders(headers: IncomingHttpHeaders): {
  override: string[] | undefined;
  append: string[];
} {
  const list = (name: string): string[] => {
    const raw = headers[name];
    const text = Array.isArray(raw) ? raw.join(',') : raw;
    if (!text) return [];
    return text
      .split(',')
      .map((url) => url.trim())
      .filter((url) => /^https?:\/\//.test(url))
      .slice(0, 3);
  };
  const override = list('x-override-notification');
  return { override: override.length > 0 ? override : undefined, append: list('x-append-notification') };
}
