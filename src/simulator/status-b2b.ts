/**
 * `GET /v2/{id}/status/b2b`: every transaction tied to an order, newest first, paged with `page`
 * (0-based, default 0) and `per_page` (default 10). At Midtrans these are the payments made into a
 * multi-use or open-amount VA; the simulator has no multi-use VA, so an order's transactions are
 * the ones charged under its order id (a re-charge after expire or cancel adds one). Each item is
 * the transaction's get-status body.
 */
import type { JsonObject } from '../wire-types.js';
import type { SimContext } from './context.js';
import { statusJson } from './operations.js';
import type { SimRequest, SimResponse } from './router.js';
import { findTransaction } from './state.js';
import { coreNotFound, coreValidation } from './wire-errors.js';

const DEFAULT_PER_PAGE = 10;

/** `page` ≥ 0 and `per_page` ≥ 1, decimal digits only; anything else is a 400 naming the field. */
function readPaging(query: URLSearchParams, errors: string[]): { page: number; perPage: number } {
  const read = (name: string, fallback: number, min: number): number => {
    const text = query.get(name);
    if (text === null || text === '') return fallback;
    if (!/^\d{1,9}$/.test(text) || Number(text) < min) {
      errors.push(`${name} must be an integer of at least ${min}`);
      return fallback;
    }
    return Number(text);
  };
  return { page: read('page', 0, 0), perPage: read('per_page', DEFAULT_PER_PAGE, 1) };
}

/** Handle `GET /v2/{id}/status/b2b`. */
export function handleStatusB2b(ctx: SimContext, req: SimRequest): SimResponse {
  const errors: string[] = [];
  const { page, perPage } = readPaging(req.query, errors);
  if (errors.length > 0) return coreValidation(errors);
  const found = findTransaction(ctx.state, req.params[0] ?? '');
  if (!found) return coreNotFound();
  const transactions: JsonObject[] = [];
  const skip = page * perPage;
  let index = 0;
  // The newest transaction of the order heads the chain, whichever of its ids was asked for.
  for (let txn = ctx.state.byOrderId.get(found.orderId); txn && transactions.length < perPage; ) {
    if (index >= skip) transactions.push(JSON.parse(statusJson(ctx, txn)) as JsonObject);
    index += 1;
    txn = txn.previous;
  }
  return {
    status: 200,
    body: { status_code: '200', status_message: 'Success, transactions are retrieved', transactions },
  };
}
