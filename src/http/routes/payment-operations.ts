/** The operations on one payment: cancel (owner), and the staff actions expire, capture, refund, approve, deny. */
import { CaptureOptionsSchema, RefundRequestSchema } from '../../services/payments/operation-schemas.js';
import { defineRoute, type RouteDefinition } from '../route-types.js';
import { object } from '../schemas/json-schema.js';
import { orderIdParams } from '../schemas/payments.js';
import { paymentView, refundView } from '../views.js';
import { loadPayment, orderIdOf, paymentAnswer, paymentResponse } from './payment-common.js';

/** An operation on one payment: cancel, expire, approve, deny. */
function operation(
  verb: 'cancel' | 'expire' | 'approve' | 'deny',
  access: 'owner' | 'staff',
  summary: string,
): RouteDefinition {
  return {
    method: 'POST',
    path: `/payments/:orderId/${verb}`,
    action: `payments.${verb}` as const,
    access,
    summary,
    tag: 'payments',
    params: orderIdParams,
    response: { status: 200, description: 'The payment after the operation.', schema: paymentResponse },
    load: loadPayment,
    async run(ctx) {
      const method = `${verb}Payment` as const;
      return paymentAnswer((await ctx.kit.payments[method](orderIdOf(ctx))).payment);
    },
  };
}

/** The operation routes, in documentation order. */
export function paymentOperationRoutes(): RouteDefinition[] {
  return [
    operation('cancel', 'owner', 'Cancel a pending or authorised payment.'),
    operation('expire', 'staff', 'Force-expire a pending payment (staff).'),
    defineRoute({
      method: 'POST',
      path: '/payments/:orderId/capture',
      action: 'payments.capture',
      access: 'staff',
      summary: 'Capture an authorised card payment, in full or in part (staff).',
      tag: 'payments',
      params: orderIdParams,
      body: CaptureOptionsSchema,
      example: { amount: 150000 },
      response: { status: 200, description: 'The payment after the capture.', schema: paymentResponse },
      load: loadPayment,
      async run(ctx) {
        const result = await ctx.kit.payments.capturePayment(orderIdOf(ctx), ctx.body);
        return paymentAnswer(result.payment);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/payments/:orderId/refunds',
      action: 'payments.refund',
      access: 'staff',
      summary: 'Refund a paid payment, in full or in part; safe to retry (staff).',
      tag: 'payments',
      params: orderIdParams,
      body: RefundRequestSchema,
      example: { amount: 30000, reason: 'damaged', refundKey: 'rf-7c1d5a0e-2b9f-4e51-9d3a-51f0c2a8e6b4' },
      response: {
        status: 201,
        description: 'The payment and the refund.',
        schema: object({ payment: paymentView.schema, refund: refundView.schema }, ['payment', 'refund']),
      },
      load: loadPayment,
      async run(ctx) {
        const result = await ctx.kit.payments.refundPayment(orderIdOf(ctx), ctx.body);
        return {
          status: 201,
          body: { payment: paymentView.pick(result.payment), refund: refundView.pick(result.refund) },
        };
      },
    }),
    operation('approve', 'staff', 'Approve a payment challenged by fraud detection (staff).'),
    operation('deny', 'staff', 'Deny a payment challenged by fraud detection (staff).'),
  ];
}
