/** Refusal and failure pages (401, 403, 404, 413, 415, 500): a bare shell, no navigation, no data. */
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import { htmlResponse } from './respond.js';
import type { DashboardResponse } from './types.js';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Sign in first',
  403: 'Not allowed',
  404: 'Not found',
  413: 'Too large',
  415: 'Unsupported form',
  500: 'Something went wrong',
};

/** A page with just a status and a sentence. */
export function errorPage(
  base: string,
  status: number,
  text: string | SafeHtml,
  cookies: readonly string[] = [],
): DashboardResponse {
  const title = TITLES[status] ?? 'Error';
  return htmlResponse(
    status,
    layout(base, '', { title, body: html`<p>${text}</p>` }, { bare: true }),
    cookies,
  );
}
