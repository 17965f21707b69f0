/** Pieces the payment routes share: the answer shape, the loader, the path parameter. */
import type { Payment } from '../../storage/records/payment.js';
import type { RouteKit } from '../route-kit.js';
import type { RouteContext, RouteResult } from '../route-types.js';
import { object } from '../schemas/json-schema.js';
import { paymentView } from '../views.js';

/** `{ payment }` as a schema. */
export const paymentResponse = object({ payment: paymentView.schema }, ['payment']);

/** `{ payment }` as an answer. */
export function paymentAnswer(payment: Payment, status = 200): RouteResult {
  return { status, body: { payment: paymentView.pick(payment) } };
}

/** The `:orderId` of a route on one payment. */
export const orderIdOf = (ctx: RouteContext): string => ctx.params.orderId ?? '';

/** Load the payment a route acts on. */
export const loadPayment = (kit: RouteKit, params: Record<string, string>): Promise<Payment | undefined> =>
  kit.store.payments.findByOrderId(params.orderId ?? '');
