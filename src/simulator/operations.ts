/**
 * Core API operations on an existing transaction (docs/midtrans-wire.md §4, §5.5): status, cancel,
 * expire, approve, deny, capture. A refused operation answers body 412 and changes nothing.
 */

import type { SimContext } from './context.js';
import { transition } from './engine.js';
import { isObject, stringAt } from './json.js';
import type { SimRequest, SimResponse } from './router.js';
import { findTransaction } from './state.js';
import type { SimTransaction } from './transaction.js';
import { actionView, briefView, transactionView } from './transaction-views.js';
import { operationAllowed } from './transitions.js';
import { coreNotAllowed, coreNotFound, coreValidation } from './wire-errors.js';

/** The get-status body, serialized once per change of the record. */
export function statusJson(ctx: SimContext, txn: SimTransaction): string {
  if (txn.statusJsonVersion !== txn.version) {
    txn.statusJson = JSON.stringify(
      transactionView(txn, ctx.options.merchantId, ctx.options.serverKey, 'status'),
    );
    txn.statusJsonVersion = txn.version;
  }
  return txn.statusJson;
}

/** `GET /v2/{id}/status`. The body goes out pre-serialized (HTTP 200 for every found transaction). */
export function handleStatus(ctx: SimContext, req: SimRequest): SimResponse {
  const txn = findTransaction(ctx.state, req.params[0] ?? '');
  if (!txn) return coreNotFound();
  return { status: 200, body: statusJson(ctx, txn) };
}

function withTransaction(
  ctx: SimContext,
  req: SimRequest,
  run: (txn: SimTransaction) => SimResponse,
): SimResponse {
  const txn = findTransaction(ctx.state, req.params[0] ?? '');
  return txn ? run(txn) : coreNotFound();
}

const reply = (ctx: SimContext, txn: SimTransaction, code: string, message: string): SimResponse => ({
  status: 200,
  body: actionView(txn, ctx.options.merchantId, code, message),
});

/** `POST /v2/{id}/cancel`. */
export function handleCancel(ctx: SimContext, req: SimRequest): SimResponse {
  return withTransaction(ctx, req, (txn) => {
    if (!operationAllowed('cancel', txn.status)) return coreNotAllowed();
    transition(ctx, txn, 'cancel');
    return reply(ctx, txn, '200', 'Success, transaction is canceled');
  });
}

/** `POST /v2/{id}/expire`: body 407 on success, as Midtrans answers. */
export function handleExpire(ctx: SimContext, req: SimRequest): SimResponse {
  return withTransaction(ctx, req, (txn) => {
    if (!operationAllowed('expire', txn.status)) return coreNotAllowed();
    transition(ctx, txn, 'expire');
    return { status: 200, body: briefView(txn, '407', 'Success, transaction has expired') };
  });
}

/** `POST /v2/{id}/approve` (FDS challenge → capture/accept). */
export function handleApprove(ctx: SimContext, req: SimRequest): SimResponse {
  return withTransaction(ctx, req, (txn) => {
    if (txn.fraudStatus !== 'challenge' || txn.status !== 'capture') return coreNotAllowed();
    transition(ctx, txn, 'capture', { fraudStatus: 'accept' });
    return reply(ctx, txn, '200', 'Success, transaction is approved');
  });
}

/** `POST /v2/{id}/deny` (FDS challenge → deny). */
export function handleDeny(ctx: SimContext, req: SimRequest): SimResponse {
  return withTransaction(ctx, req, (txn) => {
    if (txn.fraudStatus !== 'challenge' || txn.status !== 'capture') return coreNotAllowed();
    transition(ctx, txn, 'deny', { fraudStatus: 'deny' });
    return reply(ctx, txn, '200', 'Success, transaction is denied');
  });
}

/** `POST /v2/capture` with `{transaction_id, gross_amount?}`. */
export function handleCapture(ctx: SimContext, req: SimRequest): SimResponse {
  const body = isObject(req.body) ? req.body : {};
  const id = stringAt(body, 'transaction_id');
  if (!id) return coreValidation(['transaction_id is required']);
  const txn = findTransaction(ctx.state, id);
  if (!txn) return coreNotFound();
  if (!operationAllowed('capture', txn.status)) return coreNotAllowed();
  const amount = body.gross_amount;
  if (
    amount !== undefined &&
    (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > txn.grossAmount)
  ) {
    return coreValidation(['gross_amount must be a positive integer not above the authorized amount']);
  }
  // A partial capture charges less than was authorised; from now on the transaction (its answers,
  // notifications and what can be refunded) carries the captured amount.
  if (typeof amount === 'number') txn.grossAmount = amount;
  transition(ctx, txn, 'capture', { fraudStatus: 'accept' });
  return reply(ctx, txn, '200', 'Success, Credit Card capture transaction is successful');
}
