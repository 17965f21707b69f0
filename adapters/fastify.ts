/**
 * `midtrans-kit/fastify`: the route table, the webhook and the dashboard as encapsulated Fastify
 * plugins. Each plugin reads bodies itself (raw bytes: the webhook stores the delivery exactly as
 * sent), so the host's own content-type parsers stay untouched outside it. Translation only: every
 * decision is made by `createHttpHandler` and `createDashboardHandler`.
 *
 * ```ts
 * app.register(midtransFastify(kit, { authorize: ({ user }) => user.isStaff }), { prefix: '/midtrans' });
 * ```
 */
import type { FastifyPluginAsync } from 'fastify';
import { createHttpHandler, type HttpOptions } from '../src/http/index.js';
import type { KitUser, MidtransKit } from '../src/index.js';
import {
  bodyOf,
  paramsOf,
  pathBelow,
  queryOf,
  type ResolveUser,
  readBodiesRaw,
  userOf,
} from './fastify-request.js';

/** Options of `midtransFastify`. */
export interface MidtransFastifyOptions<U extends KitUser = KitUser>
  extends Omit<HttpOptions<U>, 'resolveUser'> {
  /** The signed-in user of a request; default `request.user` (what @fastify/jwt and @fastify/passport set). */
  resolveUser?: ResolveUser<U>;
}

/** Every route of the table (payments, invoices, subscriptions, webhook, OpenAPI) as one plugin. */
export function midtransFastify<U extends KitUser = KitUser>(
  kit: MidtransKit,
  options: MidtransFastifyOptions<U> = {},
): FastifyPluginAsync {
  const { resolveUser, ...rest } = options;
  const http = createHttpHandler<U>(kit, { ...rest, resolveUser: userOf(resolveUser) });
  return async (instance) => {
    readBodiesRaw(instance, http.bodyLimit);
    for (const route of http.routes) {
      instance.route({
        method: route.method,
        url: route.path,
        handler: async (request, reply) => {
          const answer = await http.run(route, paramsOf(request), {
            method: request.method,
            path: pathBelow(instance, request),
            headers: request.headers,
            query: queryOf(request),
            rawBody: bodyOf(request),
            native: request,
          });
          return reply.code(answer.status).headers(answer.headers).send(answer.body);
        },
      });
    }
  };
}

/** The webhook alone (POST at the plugin's prefix), for a path outside the host's auth. */
export function midtransFastifyWebhook(
  kit: MidtransKit,
  options: Pick<HttpOptions, 'bodyLimit' | 'onError'> = {},
): FastifyPluginAsync {
  const http = createHttpHandler(kit, options);
  const route = http.routes.find((candidate) => candidate.action === 'notifications.receive');
  if (route === undefined) throw new Error('midtrans-kit: the route table has no webhook');
  return async (instance) => {
    readBodiesRaw(instance, http.bodyLimit);
    instance.post('/', async (request, reply) => {
      const answer = await http.run(
        route,
        {},
        {
          method: 'POST',
          path: '/notifications',
          headers: request.headers,
          rawBody: bodyOf(request),
          native: request,
        },
      );
      return reply.code(answer.status).headers(answer.headers).send(answer.body);
    });
  };
}

export { type MidtransFastifyDashboardOptions, midtransFastifyDashboard } from './fastify-dashboard.js';
export { midtransFastifyKit } from './fastify-decorator.js';
export type { ResolveUser } from './fastify-request.js';
