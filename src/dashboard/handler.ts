/**
 * The framework-free dashboard: route → user → `dashboard.view` → page, or for a POST → CSRF →
 * the action's permission → confirmation → the service → redirect with a flash message
 * (post/redirect/get). Never throws: failures become pages or messages.
 */

import { matchPath } from '../http/match.js';
import type { MidtransKit } from '../kit.js';
import type { KitUser } from '../services/core/hooks.js';
import { createActionRoutes } from './actions.js';
import { pathWithQuery } from './context-build.js';
import { createCsrfSigner } from './csrf.js';
import { readFlash } from './flash.js';
import { runAction } from './post.js';
import { renderPage } from './render.js';
import { stylesheetResponse } from './respond.js';
import { createPageRoutes } from './routes.js';
import { openSession } from './session.js';
import { errorPage } from './status-pages.js';
import type { DashboardOptions, DashboardRequest, DashboardResponse } from './types.js';
import { describeUser, signInPrompt } from './who.js';

/** The dashboard of one kit. */
export interface DashboardHandler<U extends KitUser = KitUser> {
  /** Answer a request, or undefined when no dashboard page matches (pass it on). */
  handle(request: DashboardRequest<U>): Promise<DashboardResponse | undefined>;
  /** Whether a method and path are the dashboard's (adapters read a POST's body only then). */
  matches(method: string, path: string): boolean;
  /** The form body limit in bytes. */
  readonly bodyLimit: number;
}

/** Build the dashboard for a kit. */
export function createDashboardHandler<U extends KitUser = KitUser>(
  kit: MidtransKit,
  options: DashboardOptions<U> = {},
): DashboardHandler<U> {
  const bodyLimit = options.bodyLimit ?? 16 * 1024;
  if (!Number.isSafeInteger(bodyLimit) || bodyLimit < 1)
    throw new RangeError('bodyLimit must be a positive integer');
  const pageSize = options.pageSize ?? 50;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) {
    throw new RangeError('midtrans-kit dashboard: pageSize must be an integer from 1 to 200');
  }
  const timeZone = options.timeZone ?? 'Asia/Jakarta';
  new Intl.DateTimeFormat('en', { timeZone }); // a RangeError now rather than on the first page
  const signer = createCsrfSigner(options.csrfSecret);
  const pages = createPageRoutes();
  const actions = createActionRoutes();
  const onError =
    options.onError ??
    ((error: unknown) => kit.logger.error({ err: error }, 'midtrans-kit dashboard: unexpected error'));

  async function handle(request: DashboardRequest<U>): Promise<DashboardResponse | undefined> {
    const method = request.method.toUpperCase();
    const path = request.path === '' ? '/' : request.path;
    if ((method === 'GET' || method === 'HEAD') && path === '/style.css') return stylesheetResponse();
    const page = method === 'GET' || method === 'HEAD' ? find(pages, path) : undefined;
    const action = method === 'POST' ? find(actions, path) : undefined;
    if (page === undefined && action === undefined) return undefined;
    const base = request.base.replace(/\/+$/, '');
    const scope = { path: base === '' ? '/' : base, secure: options.secureCookies === true };
    try {
      const session = await openSession(request, options, signer, scope);
      if (session === undefined) {
        return errorPage(
          base,
          401,
          signInPrompt(options.signInUrl, `${base}${pathWithQuery(path, request.query ?? {})}`),
        );
      }
      if (!session.canView) return errorPage(base, 403, 'You may not see this dashboard.');
      const userLabel = describeUser(session.user, options.userLabel);
      const shared = { kit, base, session, timeZone, pageSize, scope, request, signer };
      if (action !== undefined) {
        return await runAction({ ...shared, route: action.route, params: action.params, bodyLimit, onError });
      }
      if (page === undefined) return undefined;
      const flash = readFlash(session.cookies, scope);
      return await renderPage({
        ...shared,
        route: page.route,
        params: page.params,
        path,
        flash,
        onError,
        userLabel,
      });
    } catch (error) {
      onError(error, request);
      return errorPage(base, 500, 'Something went wrong on our side; the error was logged.');
    }
  }

  function matches(method: string, path: string): boolean {
    const verb = method.toUpperCase();
    const at = path === '' ? '/' : path;
    if (verb === 'POST') return find(actions, at) !== undefined;
    return (verb === 'GET' || verb === 'HEAD') && (at === '/style.css' || find(pages, at) !== undefined);
  }

  return { handle, matches, bodyLimit };
}

function find<R extends { pattern: string }>(
  routes: readonly R[],
  path: string,
): { route: R; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params !== undefined) return { route, params };
  }
  return undefined;
}
