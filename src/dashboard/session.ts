/**
 * Who is asking and what they may do, decided once per request: the user (the host's), their
 * permissions (the host's `authorize`, default deny), and the CSRF cookie and token.
 */
import type { KitUser } from '../services/core/hooks.js';
import { type CookieScope, readCookies, setCookie } from './cookies.js';
import { CSRF_COOKIE, type CsrfSigner } from './csrf.js';
import {
  DASHBOARD_ACTIONS,
  type DashboardAction,
  type DashboardOptions,
  type DashboardRequest,
} from './types.js';

/** One request's user and permissions. */
export interface Session<U extends KitUser> {
  /** The user. */
  user: U;
  /** Whether they may see the pages. */
  canView: boolean;
  /** The actions they may use. */
  allowed: ReadonlySet<DashboardAction>;
  /** The request's cookies. */
  cookies: Map<string, string>;
  /** The CSRF cookie the request came with (empty when none): what a POST's token is checked against. */
  requestCsrfCookie: string;
  /** Set-Cookie lines to send (a new CSRF cookie). */
  setCookies: string[];
  /** The token for forms. */
  csrfToken: string;
}

/** Resolve the session, or undefined when nobody is signed in. */
export async function openSession<U extends KitUser>(
  request: DashboardRequest<U>,
  options: DashboardOptions<U>,
  signer: CsrfSigner,
  scope: CookieScope,
): Promise<Session<U> | undefined> {
  const user = request.user ?? (await options.resolveUser?.(request));
  if (user === null || user === undefined) return undefined;
  const ask = async (action: DashboardAction) => (await options.authorize?.({ action, user })) === true;
  const canView = await ask('dashboard.view');
  const allowed = new Set<DashboardAction>();
  // Acting implies viewing: a user the host lets act but not view gets nothing.
  if (canView) for (const action of DASHBOARD_ACTIONS) if (await ask(action)) allowed.add(action);
  const cookies = readCookies(request.headers.cookie);
  const existing = cookies.get(CSRF_COOKIE);
  const csrfCookie = signer.isCookieValue(existing) ? existing : signer.newCookieValue();
  const setCookies = csrfCookie === existing ? [] : [setCookie(CSRF_COOKIE, csrfCookie, scope)];
  const csrfToken = signer.token(csrfCookie, String(user.id));
  return { user, canView, allowed, cookies, requestCsrfCookie: existing ?? '', setCookies, csrfToken };
}
