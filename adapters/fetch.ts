/**
 * `midtrans-kit/fetch`: the route table, the webhook and the dashboard as web-standard handlers,
 * `(request: Request) => Promise<Response>`, for Next.js route handlers, Hono and any Fetch API
 * runtime on Node. Translation only: every decision is made by `createHttpHandler` and
 * `createDashboardHandler`.
 *
 * ```ts
 * // app/midtrans/[...path]/route.ts (Next.js App Router)
 * const handler = midtransFetchHandler(kit, { prefix: '/midtrans', resolveUser: userFromRequest });
 * export { handler as GET, handler as POST, handler as PATCH };
 * ```
 */
import {
  createDashboardHandler,
  createHttpHandler,
  type DashboardOptions,
  type HttpOptions,
  jsonResponse,
  webBody,
  webRequestParts,
  webResponse,
} from '../src/http/index.js';
import type { KitUser, MidtransKit } from '../src/index.js';

/** How a fetch handler finds the signed-in user: from the request (a session cookie, a bearer token). */
export type ResolveUser<U> = (request: Request) => U | null | undefined | Promise<U | null | undefined>;

/** Options of `midtransFetchHandler`. */
export interface MidtransFetchOptions<U extends KitUser = KitUser>
  extends Omit<HttpOptions<U>, 'resolveUser'> {
  /** Where the routes are mounted, e.g. `/midtrans` (default: the root). */
  prefix?: string;
  /** The signed-in user of a request; without it only the public routes (the webhook) can answer. */
  resolveUser?: ResolveUser<U>;
}

/** A web handler; `match` answers undefined instead of 404 so a host router can go on. */
export interface MidtransFetchHandler {
  (request: Request): Promise<Response>;
  /** The kit's answer, or undefined when the request is not one of its routes. */
  match(request: Request): Promise<Response | undefined>;
}

const notFound = (): Response =>
  webResponse('GET', jsonResponse(404, { error: { code: 'not_found', message: 'No such route' } }));

/** Every route of the table (payments, invoices, subscriptions, webhook, OpenAPI) as one web handler. */
export function midtransFetchHandler<U extends KitUser = KitUser>(
  kit: MidtransKit,
  options: MidtransFetchOptions<U> = {},
): MidtransFetchHandler {
  const { prefix = '', resolveUser, ...rest } = options;
  const http = createHttpHandler<U>(kit, {
    ...rest,
    resolveUser: (request) => resolveUser?.(request.native as Request),
  });
  const match = async (request: Request): Promise<Response | undefined> => {
    const { path, headers, query } = webRequestParts(request, prefix);
    if (path === undefined) return undefined;
    const rawBody = await webBody(request, http.bodyLimit);
    const answer = await http.handle({
      method: request.method,
      path,
      headers,
      query,
      rawBody,
      native: request,
    });
    return answer === undefined ? undefined : webResponse(request.method, answer);
  };
  return Object.assign(async (request: Request) => (await match(request)) ?? notFound(), { match });
}

/** The webhook alone, for a path outside the host's auth: `POST` only. */
export function midtransFetchWebhook(
  kit: MidtransKit,
  options: Pick<HttpOptions, 'bodyLimit' | 'onError'> = {},
): (request: Request) => Promise<Response> {
  const http = createHttpHandler(kit, options);
  const route = http.routes.find((candidate) => candidate.action === 'notifications.receive');
  if (route === undefined) throw new Error('midtrans-kit: the route table has no webhook');
  return async (request) => {
    const { headers, query } = webRequestParts(request, '');
    if (request.method.toUpperCase() !== 'POST') return notFound();
    const rawBody = await webBody(request, http.bodyLimit);
    const answer = await http.run(
      route,
      {},
      { method: 'POST', path: '/notifications', headers, query, rawBody, native: request },
    );
    return webResponse('POST', answer);
  };
}

/** Options of `midtransFetchDashboard`. */
export interface MidtransFetchDashboardOptions<U extends KitUser = KitUser>
  extends Omit<DashboardOptions<U>, 'resolveUser'> {
  /** Where the dashboard is mounted, e.g. `/admin` (default: the root). */
  prefix?: string;
  /** The signed-in user of a request. */
  resolveUser?: ResolveUser<U>;
}

/** The staff dashboard as a web handler; `match` answers undefined for requests that are not its pages. */
export function midtransFetchDashboard<U extends KitUser = KitUser>(
  kit: MidtransKit,
  options: MidtransFetchDashboardOptions<U> = {},
): MidtransFetchHandler {
  const { prefix = '', resolveUser, ...rest } = options;
  const dashboard = createDashboardHandler<U>(kit, {
    ...rest,
    resolveUser: (request) => resolveUser?.(request.native as Request),
  });
  const base = prefix.replace(/\/+$/, '');
  const match = async (request: Request): Promise<Response | undefined> => {
    const { path, headers, query } = webRequestParts(request, prefix);
    if (path === undefined || !dashboard.matches(request.method, path)) return undefined;
    const posted = request.method.toUpperCase() === 'POST';
    const rawBody = posted ? await webBody(request, dashboard.bodyLimit) : undefined;
    const answer = await dashboard.handle({
      method: request.method,
      path,
      base,
      headers,
      query,
      rawBody,
      native: request,
    });
    return answer === undefined ? undefined : webResponse(request.method, answer);
  };
  return Object.assign(async (request: Request) => (await match(request)) ?? notFound(), { match });
}
