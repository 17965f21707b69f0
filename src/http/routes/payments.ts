/** The payment routes: charges, Snap, the user's list and one payment. */
import { MidtransApiError } from '../../errors.js';
import { assertChargeInput, assertSnapInput } from '../../services/payments/charge-input.js';
import {
  PaymentListFiltersSchema,
  paymentListFiltersCheck,
} from '../../services/payments/operation-schemas.js';
import type { RouteKit } from '../route-kit.js';
import { defineRoute, type RouteDefinition } from '../route-types.js';
import { list, nullable, object } from '../schemas/json-schema.js';
import { chargeBody, getQuery, orderIdParams, snapBody } from '../schemas/payments.js';
import { paymentView } from '../views.js';
import { withDates } from './dates.js';
import { loadPayment, orderIdOf, paymentAnswer, paymentResponse } from './payment-common.js';
import { paymentOperationRoutes } from './payment-operations.js';

/** Every payment route. */
export function paymentRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/payments',
      action: 'payments.create',
      access: 'user',
      summary: 'Create a Core API charge for the signed-in user.',
      tag: 'payments',
      body: chargeBody,
      example: { paymentType: 'bank_transfer', grossAmount: 150000, paymentOptions: { bank: 'bca' } },
      response: {
        status: 201,
        description: 'The stored payment, with what the customer needs to pay.',
        schema: paymentResponse,
      },
      async run(ctx) {
        const input = { ...withDates(ctx.body, ['customExpiry.orderTime']), user: ctx.user };
        // The service's own check (the body passed its schema; this adds the per-type options).
        assertChargeInput(input);
        const { payment } = await ctx.kit.payments.createCharge(input);
        return paymentAnswer(payment, 201);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/payments/snap',
      action: 'payments.snap',
      access: 'user',
      summary: 'Create a Snap transaction (hosted payment page) for the signed-in user.',
      tag: 'payments',
      body: snapBody,
      example: { grossAmount: 75000, enabledPayments: ['gopay', 'bca_va'] },
      response: {
        status: 201,
        description: 'The payment and the Snap token and page.',
        schema: object(
          { payment: paymentView.schema, token: { type: 'string' }, redirectUrl: { type: 'string' } },
          ['payment', 'token', 'redirectUrl'],
        ),
      },
      async run(ctx) {
        const input = { ...withDates(ctx.body, ['expiry.startTime']), user: ctx.user };
        assertSnapInput(input);
        const result = await ctx.kit.payments.createSnapTransaction(input);
        const { token, redirectUrl } = result;
        return { status: 201, body: { payment: paymentView.pick(result.payment), token, redirectUrl } };
      },
    }),
    {
      method: 'GET',
      path: '/payments',
      action: 'payments.list',
      access: 'user',
      summary: "The signed-in user's payments, newest first, cursor-paged.",
      tag: 'payments',
      query: PaymentListFiltersSchema,
      response: {
        status: 200,
        description: 'One page.',
        schema: object({ items: list(paymentView.schema), nextCursor: nullable({ type: 'string' }) }, [
          'items',
          'nextCursor',
        ]),
      },
      async run(ctx) {
        // Validated by the route table with this same rule; the guard only narrows the type.
        const filters = ctx.query;
        if (ctx.user === undefined || !paymentListFiltersCheck.is(filters)) {
          throw new Error('payments.list runs with a user and a validated query');
        }
        const page = await ctx.kit.payments.listPayments({ ...filters, user: ctx.user });
        return {
          status: 200,
          body: { items: page.items.map(paymentView.pick), nextCursor: page.nextCursor },
        };
      },
    },
    {
      method: 'GET',
      path: '/payments/:orderId',
      action: 'payments.get',
      access: 'owner',
      summary:
        'One payment; `?refresh=true` asks Midtrans first (a payment Midtrans does not know yet, such as a Snap page with no method chosen, is answered as stored).',
      tag: 'payments',
      params: orderIdParams,
      query: getQuery,
      response: { status: 200, description: 'The payment.', schema: paymentResponse },
      load: loadPayment,
      async run(ctx) {
        if (ctx.query.refresh === true) await refreshUnlessUnknown(ctx.kit, orderIdOf(ctx));
        return paymentAnswer(await ctx.kit.payments.getPayment(orderIdOf(ctx)));
      },
    },
    ...paymentOperationRoutes(),
  ];
}

/**
 * Ask Midtrans, except that its 404 is not the client's: the record exists here (a Snap page whose
 * customer has not chosen a method, a charge that never reached Midtrans), so the stored record
 * is the answer and the reconciler decides its fate.
 */
async function refreshUnlessUnknown(kit: RouteKit, orderId: string): Promise<void> {
  try {
    await kit.payments.getStatus(orderId);
  } catch (error) {
    if (!(error instanceof MidtransApiError && (error.httpStatus === 404 || error.statusCode === '404'))) {
      throw error;
    }
  }
}
