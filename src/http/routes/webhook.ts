/** The webhook (Midtrans's HTTP notification) and the OpenAPI document. */
import { NOTIFICATION_VERDICTS } from '../../services/notifications/notification-verdicts.js';
import { HttpProblem } from '../problem.js';
import type { RouteDefinition } from '../route-types.js';
import { anyObject, object, oneOf } from '../schemas/json-schema.js';

/** The webhook route: no host auth; only verified notifications change anything. */
export function webhookRoute(): RouteDefinition {
  return {
    method: 'POST',
    path: '/notifications',
    action: 'notifications.receive',
    access: 'public',
    summary:
      'Midtrans payment notification (webhook). Needs no sign-in: the signature is verified and the status confirmed with Midtrans.',
    tag: 'notifications',
    rawBody: true,
    body: anyObject('The notification exactly as Midtrans sends it (signed JSON).'),
    example: {
      transaction_status: 'settlement',
      status_code: '200',
      order_id: 'ORDER-1',
      gross_amount: '150000.00',
      signature_key: '<sha512(order_id + status_code + gross_amount + server key)>',
    },
    response: {
      status: 200,
      description:
        'The verdict. Other statuses (400 malformed, 401 bad signature, 404 unknown order, 502 our failure) make Midtrans retry.',
      schema: object({ verdict: oneOf(NOTIFICATION_VERDICTS) }, ['verdict']),
    },
    async run(ctx) {
      if (ctx.rawBody === undefined) {
        // A host's body parser consumed the stream and kept no raw bytes: re-serialising would
        // store and verify something Midtrans never sent. Ask for a retry and tell the operator.
        throw new HttpProblem(
          502,
          'raw_body_unavailable',
          'The webhook needs the raw body: mount it before any JSON body parser, or use midtransWebhook() on its own path',
          undefined,
          true,
        );
      }
      const result = await ctx.kit.notifications.handle(ctx.rawBody, ctx.headers);
      return { status: result.httpStatus, body: { verdict: result.verdict } };
    },
  };
}

/** `GET /openapi.json`: the document generated from this table. */
export function openApiRoute(): RouteDefinition {
  return {
    method: 'GET',
    path: '/openapi.json',
    action: 'openapi.get',
    access: 'user',
    summary: 'This API as an OpenAPI 3.1 document.',
    tag: 'meta',
    response: { status: 200, description: 'The OpenAPI document.', schema: { type: 'object' } },
    async run(ctx) {
      return { status: 200, body: ctx.kit.openapi() };
    },
  };
}
