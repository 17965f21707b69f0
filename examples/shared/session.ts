/**
 * The demo login: a cookie that names the chosen user. Deliberately not real authentication —
 * a host plugs its own (sessions, Passport, JWT) in the same place: whatever puts the user on the
 * request is what the kit's routers read.
 */
import { type DemoUser, findUser } from './catalog.js';

/** Name of the demo cookie. */
export const SESSION_COOKIE = 'demo_user';

/** The signed-in demo user named by a `Cookie` header, if any. */
export function userFromCookieHeader(header: string | undefined): DemoUser | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return findUser(decodeURIComponent(rest.join('=')));
  }
  return undefined;
}

/** The `Set-Cookie` value that signs `user` in (or out, for undefined). */
export function sessionCookie(user: DemoUser | undefined): string {
  const value = user === undefined ? '' : encodeURIComponent(user.id);
  const maxAge = user === undefined ? 0 : 7 * 24 * 3600;
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}`;
}

/** What the pages need to know about the current visitor. */
export interface SessionView {
  user: DemoUser | null;
  users: readonly DemoUser[];
}
