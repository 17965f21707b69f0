/** Reading the request's cookies and writing the dashboard's own (HttpOnly, SameSite=Strict, scoped to the mount). */

/** The cookies of a request, by name (the first of a repeated name wins). */
export function readCookies(header: string | string[] | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const at = part.indexOf('=');
    if (at < 1) continue;
    const name = part.slice(0, at).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  return cookies;
}

/** How the dashboard's cookies are scoped. */
export interface CookieScope {
  /** The mount path (`/admin`), or `/`. */
  path: string;
  /** Add `Secure`. */
  secure: boolean;
}

/** A `Set-Cookie` value; `maxAge` 0 deletes it. The value must already be cookie-safe (base64url). */
export function setCookie(name: string, value: string, scope: CookieScope, maxAge?: number): string {
  const parts = [`${name}=${value}`, `Path=${scope.path}`, 'HttpOnly', 'SameSite=Strict'];
  if (maxAge !== undefined) parts.push(`Max-Age=${maxAge}`);
  if (scope.secure) parts.push('Secure');
  return parts.join('; ');
}
