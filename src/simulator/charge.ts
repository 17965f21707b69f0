/** `POST /v2/charge`: validate, refuse duplicates (406), create the transaction per payment type. */

import { amountLimitFor, amountLimitProblem } from '../domain/amount-limits.js';
import { maxCustomExpiryMs } from '../domain/expiry-limits.js';
import { formatMidtransTime } from '../domain/wire-time.js';
import type { JsonObject } from '../wire-types.js';
import { chargeCard } from './card-charge.js';
import { notificationHeaders, readCommon } from './charge-input.js';
import type { SimContext } from './context.js';
import { createTransaction, orderIdAvailable } from './create-transaction.js';
import { notifyPayment } from './engine.js';
import { readExpiry } from './expiry-input.js';
import { chargeGopayToken } from './gopay-token-charge.js';
import { isObject, objectAt, stringAt } from './json.js';
import { METHOD_BUILDERS } from './payment-types.js';
import type { SimRequest, SimResponse } from './router.js';
import type { SimTransaction } from './transaction.js';
import { chargeView } from './transaction-views.js';
import { coreError, coreValidation } from './wire-errors.js';

const KNOWN_TYPES = new Set([...METHOD_BUILDERS.keys(), 'credit_card']);

/** Answer for a duplicate order id. */
export function duplicateOrder(): SimResponse {
  return coreError(
    '406',
    'The request could not be completed due to a conflict with the current state of the target resource, please try again',
  );
}

/** Handle a Core API charge request. */
export function handleCharge(ctx: SimContext, req: SimRequest): SimResponse {
  const body = isObject(req.body) ? req.body : undefined;
  if (!body) return coreValidation(['request body must be a JSON object']);
  return charge(ctx, body, notificationHeaders(req.headers));
}

/** Charge from a parsed body (also used by the Snap page with the Snap session's headers). */
export function charge(
  ctx: SimContext,
  body: JsonObject,
  notify: { override: string[] | undefined; append: string[] },
  invoiceId?: string,
): SimResponse {
  const errors: string[] = [];
  const paymentType = stringAt(body, 'payment_type');
  if (!paymentType) errors.push('payment_type is required');
  else if (!KNOWN_TYPES.has(paymentType)) errors.push(`payment_type ${paymentType} is not supported`);
  const common = readCommon(body, errors);
  const now = ctx.clock.nowMs();
  const where = {
    field: 'custom_expiry',
    startKey: 'order_time',
    durationKey: 'expiry_duration',
    maxMs: maxCustomExpiryMs(paymentType),
  };
  const expiryAt = readExpiry(objectAt(body, 'custom_expiry'), where, now, errors);
  if (common && paymentType) {
    const options = objectAt(body, paymentType === 'cstore' ? 'cstore' : 'bank_transfer');
    const problem = amountLimitProblem(common.grossAmount, amountLimitFor(paymentType, options));
    if (problem) errors.push(`transaction_details.gross_amount ${problem}`);
  }
  if (errors.length > 0 || !common || !paymentType) return coreValidation(errors);
  if (!orderIdAvailable(ctx, common.orderId)) return duplicateOrder();
  if (paymentType === 'credit_card') return chargeCard(ctx, body, common, notify, expiryAt);

  const builder = METHOD_BUILDERS.get(paymentType);
  const transactionId = ctx.ids.uuid();
  const build = builder?.(
    {
      request: body,
      transactionId,
      orderId: common.orderId,
      grossAmount: common.grossAmount,
      baseUrl: ctx.baseUrl,
      ids: ctx.ids,
      nowMs: now,
    },
    errors,
  );
  if (!build) return coreValidation(errors);
  const gopay = paymentType === 'gopay' ? objectAt(body, 'gopay') : undefined;
  const token = stringAt(gopay, 'payment_option_token');
  if (token !== undefined) {
    const accountId = stringAt(gopay, 'account_id');
    return chargeGopayToken(ctx, { common, accountId, token, transactionId, build, notify });
  }
  const txn = createTransaction(ctx, {
    transactionId,
    orderId: common.orderId,
    grossAmount: common.grossAmount,
    paymentType,
    spec: build.spec,
    fields: build.fields,
    chargeFields: build.chargeFields,
    extras: common.extras,
    notify,
    status: 'pending',
    fraudStatus: build.spec.fraud ? 'accept' : undefined,
    expiryAt: expiryAt ?? now + build.expiryMs,
    ...(invoiceId === undefined ? {} : { invoiceId }),
  });
  if (paymentType === 'qris') txn.chargeFields.expire_time = expiryText(txn);
  notifyPayment(ctx, txn);
  return { status: 200, body: chargeView(txn, ctx.options.merchantId, '201', build.spec.chargeMessage) };
}

function expiryText(txn: SimTransaction): string {
  return formatMidtransTime(new Date(txn.expiryTime ?? txn.transactionTime));
}
