/**
 * `midtrans-kit/express`: the route table as an Express router, and the webhook alone for a path
 * outside the host's auth. Translation only: every decision is made by `createHttpHandler`.
 *
 * ```ts
 * app.post('/midtrans/notifications', midtransWebhook(kit)); // before auth and body parsers
 * app.use('/midtrans', requireLogin, midtransRouter(kit, { authorize: ({ user }) => user.isStaff }));
 * ```
 */
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import {
  createHttpHandler,
  type HttpHandler,
  type HttpOptions,
  nodeBody,
  type RouteDefinition,
} from '../src/http/index.js';
import type { KitUser, MidtransKit } from '../src/index.js';
import type { RequestUser } from './express-user.js';

/** Options of `midtransRouter`. */
export interface MidtransRouterOptions<U extends KitUser = RequestUser>
  extends Omit<HttpOptions<U>, 'resolveUser'> {
  /** The signed-in user of a request; default `req.user` (what Passport and most auth middleware set). */
  resolveUser?(req: Request): U | null | undefined | Promise<U | null | undefined>;
}

/** Every route of the table (payments, invoices, subscriptions, webhook, OpenAPI) on one router. */
export function midtransRouter<U extends KitUser = RequestUser>(
  kit: MidtransKit,
  options: MidtransRouterOptions<U> = {},
): Router {
  const http = createHttpHandler<U>(kit, coreOptions(options));
  const router = express.Router({ caseSensitive: true });
  for (const route of http.routes) {
    const handler: RequestHandler = (req, res, next) => void serve(http, route, req, res, next);
    if (route.method === 'GET') router.get(route.path, handler);
    else if (route.method === 'PATCH') router.patch(route.path, handler);
    else if (route.method === 'DELETE') router.delete(route.path, handler);
    else router.post(route.path, handler);
  }
  return router;
}

/**
 * The webhook alone: `app.post('/midtrans/notifications', midtransWebhook(kit))`. It reads the raw
 * body itself, so mount it before any JSON parser (or keep the raw bytes in `req.rawBody`).
 */
export function midtransWebhook(
  kit: MidtransKit,
  options: Pick<HttpOptions, 'bodyLimit' | 'onError'> = {},
): RequestHandler {
  const http = createHttpHandler(kit, options);
  const route = http.routes.find((candidate) => candidate.action === 'notifications.receive');
  if (route === undefined) throw new Error('midtrans-kit: the route table has no webhook');
  return (req, res, next) => (req.method === 'POST' ? void serve(http, route, req, res, next) : next());
}

function coreOptions<U extends KitUser>(options: MidtransRouterOptions<U>): HttpOptions<U> {
  const { resolveUser, ...rest } = options;
  return {
    ...rest,
    resolveUser: (request) => {
      const req = request.native as Request;
      return resolveUser ? resolveUser(req) : (req as { user?: U }).user;
    },
  };
}

async function serve<U extends KitUser>(
  http: HttpHandler<U>,
  route: RouteDefinition,
  req: Request,
  res: Response,
  next: NextFunction,
): Promise<void> {
  try {
    const kept = (req as { rawBody?: unknown }).rawBody;
    const body = await nodeBody({ stream: req, parsed: req.body, kept }, http.bodyLimit);
    const response = await http.run(route, { ...req.params } as Record<string, string>, {
      method: req.method,
      path: req.path,
      headers: req.headers,
      query: req.query as Record<string, unknown>,
      native: req,
      ...body,
    });
    res.writeHead(response.status, response.headers).end(response.body);
  } catch (error) {
    next(error);
  }
}

export { type MidtransDashboardOptions, midtransDashboard } from './express-dashboard.js';
export type { RequestUser } from './express-user.js';
