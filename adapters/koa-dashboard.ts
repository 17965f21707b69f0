/**
 * `midtransKoaDashboard(kit, { prefix })`: the staff dashboard as a Koa middleware answering under
 * `prefix`. Mount it after the host's own sign-in; every decision is made by the dashboard core.
 *
 * ```ts
 * app.use(requireLogin).use(midtransKoaDashboard(kit, { prefix: '/admin', authorize: ({ user }) => user.isStaff }));
 * ```
 */
import type { Context, Middleware } from 'koa';
import { createDashboardHandler, type DashboardOptions, nodeBody } from '../src/http/index.js';
import type { KitUser, MidtransKit } from '../src/index.js';

/** Options of `midtransKoaDashboard`. */
export interface MidtransKoaDashboardOptions<U extends KitUser = KitUser>
  extends Omit<DashboardOptions<U>, 'resolveUser'> {
  /** Where the dashboard answers, e.g. `/admin` (links and cookies use it). Default: the root. */
  prefix?: string;
  /** The signed-in user of a request; default `ctx.state.user`. */
  resolveUser?(ctx: Context): U | null | undefined | Promise<U | null | undefined>;
}

/** The dashboard as middleware; requests that are not its pages go on to `next()`. */
export function midtransKoaDashboard<U extends KitUser = KitUser>(
  kit: MidtransKit,
  options: MidtransKoaDashboardOptions<U> = {},
): Middleware {
  const { prefix = '', resolveUser, ...rest } = options;
  const base = prefix.replace(/\/+$/, '');
  const dashboard = createDashboardHandler<U>(kit, {
    ...rest,
    resolveUser: (request) => {
      const ctx = request.native as Context;
      return resolveUser ? resolveUser(ctx) : (ctx.state as { user?: U }).user;
    },
  });
  return async (ctx, next) => {
    const path =
      ctx.path === base ? '/' : ctx.path.startsWith(`${base}/`) ? ctx.path.slice(base.length) : undefined;
    if (path === undefined || !dashboard.matches(ctx.method, path)) return next();
    const request = ctx.request as { body?: unknown; rawBody?: unknown };
    const body =
      ctx.method === 'POST'
        ? await nodeBody(
            { stream: ctx.req, parsed: request.body, kept: request.rawBody },
            dashboard.bodyLimit,
          )
        : {};
    const response = await dashboard.handle({
      method: ctx.method,
      path,
      base,
      headers: ctx.req.headers,
      query: ctx.query,
      native: ctx,
      ...body,
    });
    if (response === undefined) return next();
    ctx.status = response.status;
    ctx.set(response.headers);
    ctx.body = response.body;
  };
}
