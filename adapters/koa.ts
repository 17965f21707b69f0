/**
 * `midtrans-kit/koa`: the route table as an `@koa/router` router (honouring `prefix`), and the
 * webhook alone as a middleware. Translation only: every decision is made by `createHttpHandler`.
 *
 * ```ts
 * app.use(midtransKoaWebhook(kit, { path: '/midtrans/notifications' })); // before auth and body parsers
 * const router = midtransKoaRouter(kit, { prefix: '/midtrans' });
 * app.use(requireLogin).use(router.routes()).use(router.allowedMethods());
 * ```
 */
import { Router } from '@koa/router';
import type { Context, Middleware } from 'koa';
import {
  createHttpHandler,
  type HttpHandler,
  type HttpOptions,
  nodeBody,
  type RouteDefinition,
} from '../src/http/index.js';
import type { KitUser, MidtransKit } from '../src/index.js';

/** Options of `midtransKoaRouter`. */
export interface MidtransKoaRouterOptions<U extends KitUser = KitUser>
  extends Omit<HttpOptions<U>, 'resolveUser'> {
  /** Path prefix of every route, e.g. `/midtrans`. */
  prefix?: string;
  /** The signed-in user of a request; default `ctx.state.user` (what koa-jwt and koa-passport set). */
  resolveUser?(ctx: Context): U | null | undefined | Promise<U | null | undefined>;
}

/** Every route of the table on one `@koa/router` instance. */
export function midtransKoaRouter<U extends KitUser = KitUser>(
  kit: MidtransKit,
  options: MidtransKoaRouterOptions<U> = {},
): Router {
  const { prefix, resolveUser, ...rest } = options;
  const http = createHttpHandler<U>(kit, {
    ...rest,
    resolveUser: (request) => {
      const ctx = request.native as Context;
      return resolveUser ? resolveUser(ctx) : (ctx.state as { user?: U }).user;
    },
  });
  const router = new Router({ sensitive: true, ...(prefix === undefined ? {} : { prefix }) });
  for (const route of http.routes) {
    router.register(route.path, [route.method], (ctx: Context) => serve(http, route, ctx, { ...ctx.params }));
  }
  return router;
}

/** The webhook alone at `path` (default `/notifications`): mount it before auth and body parsers. */
export function midtransKoaWebhook(
  kit: MidtransKit,
  options: Pick<HttpOptions, 'bodyLimit' | 'onError'> & { path?: string } = {},
): Middleware {
  const { path = '/notifications', ...rest } = options;
  const http = createHttpHandler(kit, rest);
  const route = http.routes.find((candidate) => candidate.action === 'notifications.receive');
  if (route === undefined) throw new Error('midtrans-kit: the route table has no webhook');
  return (ctx, next) => (ctx.method === 'POST' && ctx.path === path ? serve(http, route, ctx, {}) : next());
}

async function serve<U extends KitUser>(
  http: HttpHandler<U>,
  route: RouteDefinition,
  ctx: Context,
  params: Record<string, string>,
): Promise<void> {
  const request = ctx.request as { body?: unknown; rawBody?: unknown };
  const body = await nodeBody(
    { stream: ctx.req, parsed: request.body, kept: request.rawBody },
    http.bodyLimit,
  );
  const response = await http.run(route, params, {
    method: ctx.method,
    path: ctx.path,
    headers: ctx.req.headers,
    query: ctx.query,
    native: ctx,
    ...body,
  });
  ctx.status = response.status;
  ctx.set(response.headers);
  ctx.body = response.body;
}

export { type MidtransKoaDashboardOptions, midtransKoaDashboard } from './koa-dashboard.js';
