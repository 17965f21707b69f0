/**
 * The one-time message after an action, carried by a short-lived cookie rather than the query
 * string, so a link from elsewhere cannot make the dashboard display words of its choosing.
 */
import type { Flash } from './context.js';
import { type CookieScope, setCookie } from './cookies.js';

const FLASH_COOKIE = 'mk_dash_flash';
const MAX_TEXT = 600;

/** The Set-Cookie line carrying a message to the next page. */
export function flashCookie(flash: Flash, scope: CookieScope): string {
  const text = flash.text.length > MAX_TEXT ? `${flash.text.slice(0, MAX_TEXT)}…` : flash.text;
  const value = Buffer.from(JSON.stringify({ kind: flash.kind, text }), 'utf8').toString('base64url');
  return setCookie(FLASH_COOKIE, value, scope, 60);
}

/** The message waiting for this page, and the Set-Cookie line that clears it. */
export function readFlash(
  cookies: ReadonlyMap<string, string>,
  scope: CookieScope,
): { flash: Flash | undefined; setCookies: string[] } {
  const value = cookies.get(FLASH_COOKIE);
  if (value === undefined || value === '') return { flash: undefined, setCookies: [] };
  const clear = [setCookie(FLASH_COOKIE, '', scope, 0)];
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as {
      kind?: unknown;
      text?: unknown;
    };
    const kind = parsed.kind === 'ok' || parsed.kind === 'error' ? parsed.kind : undefined;
    if (kind === undefined || typeof parsed.text !== 'string') return { flash: undefined, setCookies: clear };
    return { flash: { kind, text: parsed.text.slice(0, MAX_TEXT + 1) }, setCookies: clear };
  } catch {
    return { flash: undefined, setCookies: clear };
  }
}
