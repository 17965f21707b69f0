/** Dashboard answers: HTML pages with strict security headers, redirects, and the stylesheet. */
import type { SafeHtml } from './html.js';
import { STYLESHEET } from './style.js';
import type { DashboardResponse } from './types.js';

// No script runs on these pages and nothing is framed or loaded from elsewhere: a stored value that
// slipped past escaping still could not execute.
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/** An HTML page. */
export function htmlResponse(
  status: number,
  page: SafeHtml,
  cookies: readonly string[] = [],
): DashboardResponse {
  const body = page.value;
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      ...SECURITY_HEADERS,
      ...cookieHeader(cookies),
    },
    body,
  };
}

/** A 303 to a page of the dashboard (post/redirect/get). */
export function redirectResponse(location: string, cookies: readonly string[] = []): DashboardResponse {
  return {
    status: 303,
    headers: { location, 'content-length': '0', ...SECURITY_HEADERS, ...cookieHeader(cookies) },
    body: '',
  };
}

/** The stylesheet (no user data: cacheable for an hour). */
export function stylesheetResponse(): DashboardResponse {
  return {
    status: 200,
    headers: {
      'content-type': 'text/css; charset=utf-8',
      'content-length': String(Buffer.byteLength(STYLESHEET)),
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
    },
    body: STYLESHEET,
  };
}

function cookieHeader(cookies: readonly string[]): Record<string, string[]> {
  return cookies.length === 0 ? {} : { 'set-cookie': [...cookies] };
}
