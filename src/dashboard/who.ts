/**
 * Naming the signed-in user in the header, and pointing a signed-out visitor at the host's sign-in
 * page: the dashboard knows neither the host's user fields nor its login URL unless told.
 */
import type { KitUser } from '../services/core/hooks.js';
import { html, type SafeHtml } from './html.js';

/**
 * How the header names `user`: the host's `userLabel`, else the user's own `name`, `displayName`
 * or `email` when it has one as text, else its id.
 */
export function describeUser<U extends KitUser>(user: U, userLabel?: (user: U) => string): string {
  if (userLabel !== undefined) return userLabel(user);
  for (const field of ['name', 'displayName', 'email']) {
    const value: unknown = Reflect.get(user, field);
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return String(user.id);
}

/** The 401 page's text: a link to the host's sign-in page (returning here after), when it has one. */
export function signInPrompt(signInUrl: string | undefined, returnTo: string): SafeHtml {
  if (signInUrl === undefined) return html`Sign in to the app first, then open this page again.`;
  const separator = signInUrl.includes('?') ? '&' : '?';
  const href = `${signInUrl}${separator}next=${encodeURIComponent(returnTo)}`;
  return html`<a href="${href}">Sign in</a> first; you will come back to this page.`;
}
