/** The staff dashboard as an encapsulated Fastify plugin (exported by `midtrans-kit/fastify`). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { createDashboardHandler, type DashboardOptions } from '../src/http/index.js';
import type { KitUser, MidtransKit } from '../src/index.js';
import { bodyOf, pathBelow, queryOf, type ResolveUser, readBodiesRaw, userOf } from './fastify-request.js';

/** Options of `midtransFastifyDashboard`. */
export interface MidtransFastifyDashboardOptions<U extends KitUser = KitUser>
  extends Omit<DashboardOptions<U>, 'resolveUser'> {
  /** The signed-in user of a request; default `request.user`. */
  resolveUser?: ResolveUser<U>;
}

/** The staff dashboard as a plugin; requests that are not its pages get the host's 404. */
export function midtransFastifyDashboard<U extends KitUser = KitUser>(
  kit: MidtransKit,
  options: MidtransFastifyDashboardOptions<U> = {},
): FastifyPluginAsync {
  const { resolveUser, ...rest } = options;
  const dashboard = createDashboardHandler<U>(kit, { ...rest, resolveUser: userOf(resolveUser) });
  return async (instance) => {
    readBodiesRaw(instance, dashboard.bodyLimit);
    const serve = async (request: FastifyRequest, reply: FastifyReply) => {
      const path = pathBelow(instance, request);
      if (!dashboard.matches(request.method, path)) return reply.callNotFound();
      const answer = await dashboard.handle({
        method: request.method,
        path,
        base: instance.prefix,
        headers: request.headers,
        query: queryOf(request),
        rawBody: bodyOf(request),
        native: request,
      });
      if (answer === undefined) return reply.callNotFound();
      return reply.code(answer.status).headers(answer.headers).send(answer.body);
    };
    instance.route({ method: ['GET', 'HEAD', 'POST'], url: '/', handler: serve });
    instance.route({ method: ['GET', 'HEAD', 'POST'], url: '/*', handler: serve });
  };
}
