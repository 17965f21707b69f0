/**
 * `midtransDashboard(kit, options)`: the staff dashboard as an Express middleware. Mount it behind
 * the host's own sign-in; every decision is made by the framework-free dashboard core.
 *
 * ```ts
 * app.use('/admin', requireLogin, midtransDashboard(kit, { authorize: ({ user }) => user.isStaff }));
 * ```
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  createDashboardHandler,
  type DashboardHandler,
  type DashboardOptions,
  nodeBody,
} from '../src/http/index.js';
import type { KitUser, MidtransKit } from '../src/index.js';
import type { RequestUser } from './express-user.js';

/** Options of `midtransDashboard`. */
export interface MidtransDashboardOptions<U extends KitUser = RequestUser>
  extends Omit<DashboardOptions<U>, 'resolveUser'> {
  /** The signed-in user of a request; default `req.user`. */
  resolveUser?(req: Request): U | null | undefined | Promise<U | null | undefined>;
}

/** The dashboard as middleware; requests that are not its pages go on to `next()`. */
export function midtransDashboard<U extends KitUser = RequestUser>(
  kit: MidtransKit,
  options: MidtransDashboardOptions<U> = {},
): RequestHandler {
  const { resolveUser, ...rest } = options;
  const dashboard = createDashboardHandler<U>(kit, {
    ...rest,
    resolveUser: (request) => {
      const req = request.native as Request;
      return resolveUser ? resolveUser(req) : (req as { user?: U }).user;
    },
  });
  return (req, res, next) => void serve(dashboard, req, res, next);
}

async function serve<U extends KitUser>(
  dashboard: DashboardHandler<U>,
  req: Request,
  res: Response,
  next: NextFunction,
): Promise<void> {
  try {
    if (!dashboard.matches(req.method, req.path)) return next();
    const kept = (req as { rawBody?: unknown }).rawBody;
    const body =
      req.method === 'POST'
        ? await nodeBody({ stream: req, parsed: req.body, kept }, dashboard.bodyLimit)
        : {};
    const response = await dashboard.handle({
      method: req.method,
      path: req.path,
      base: req.baseUrl,
      headers: req.headers,
      query: req.query as Record<string, unknown>,
      native: req,
      ...body,
    });
    if (response === undefined) return next();
    res.writeHead(response.status, response.headers).end(req.method === 'HEAD' ? undefined : response.body);
  } catch (error) {
    next(error);
  }
}
