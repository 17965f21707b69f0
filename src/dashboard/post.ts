/**
 * Running a POST: same-site and CSRF checks, the action's permission, the confirmation box, the
 * service call, then a 303 back to the page with the result as a flash message.
 */
import type { KitUser } from '../services/core/hooks.js';
import type { ActionRoute } from './action-route.js';
import { buildContext, type ContextSource } from './context-build.js';
import type { CookieScope } from './cookies.js';
import { CSRF_FIELD, type CsrfSigner } from './csrf.js';
import { flashCookie } from './flash.js';
import { readForm, safeBack } from './input.js';
import { describeError } from './messages.js';
import { redirectResponse } from './respond.js';
import { errorPage } from './status-pages.js';
import type { DashboardRequest, DashboardResponse } from './types.js';

/** Everything a POST needs. */
export interface ActionInput<U extends KitUser> extends ContextSource<U> {
  route: ActionRoute;
  params: Record<string, string>;
  request: DashboardRequest<U>;
  signer: CsrfSigner;
  scope: CookieScope;
  bodyLimit: number;
  onError(error: unknown, request: DashboardRequest<U>): void;
}

const header = (request: DashboardRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The action's redirect (or a refusal page). */
export async function runAction<U extends KitUser>(input: ActionInput<U>): Promise<DashboardResponse> {
  const { request, session, base, scope, route } = input;
  const refuse = (status: number, text: string) => errorPage(base, status, text, session.setCookies);
  // Browsers say where a request came from; a cross-site one is refused before anything else.
  if (header(request, 'sec-fetch-site') === 'cross-site') return refuse(403, 'Cross-site form refused.');
  let form: URLSearchParams;
  try {
    form = readForm(request.rawBody, request.body, header(request, 'content-type'), input.bodyLimit);
  } catch (error) {
    return refuse(describeError(error).status, describeError(error).text);
  }
  const userId = String(session.user.id);
  if (
    !input.signer.verify(session.requestCsrfCookie || undefined, userId, form.get(CSRF_FIELD) ?? undefined)
  ) {
    return refuse(
      403,
      'This form has expired or did not come from this dashboard. Go back, reload the page and try again.',
    );
  }
  if (!session.allowed.has(route.action)) return refuse(403, 'You may not do this.');
  const back = safeBack(form.get('back'), route.fallback(input.params));
  const done = (kind: 'ok' | 'error', text: string) =>
    redirectResponse(`${base}${back}`, [...session.setCookies, flashCookie({ kind, text }, scope)]);
  if (route.confirm && form.get('confirm') !== 'yes')
    return done('error', 'Nothing done: tick the confirmation box first.');
  try {
    const ctx = { ...buildContext(input, input.params, {}, back), form };
    return done('ok', await route.run(ctx));
  } catch (error) {
    const described = describeError(error);
    if (described.unexpected) input.onError(error, request);
    return done('error', described.text);
  }
}
