/** What every page and action of the dashboard gets for one request. */
import type { MidtransKit } from '../kit.js';
import type { KitUser } from '../services/core/hooks.js';
import type { SafeHtml } from './html.js';
import type { DashboardAction } from './types.js';

/** A message shown once after an action (post/redirect/get). */
export interface Flash {
  /** Success or failure. */
  kind: 'ok' | 'error';
  /** The words; escaped when shown. */
  text: string;
}

/** One request's view of the dashboard. */
export interface PageContext {
  /** The kit. */
  readonly kit: MidtransKit;
  /** The signed-in staff user. */
  readonly user: KitUser;
  /** Mount path for links (`/admin`, or empty at the root). */
  readonly base: string;
  /** Path parameters of the matched page. */
  readonly params: Readonly<Record<string, string>>;
  /** One query value (the first when repeated), trimmed; undefined when absent or empty. */
  query(name: string): string | undefined;
  /** Whether the user may use an action (its forms are rendered only then). */
  can(action: DashboardAction): boolean;
  /** The CSRF token to put in every form. */
  readonly csrfToken: string;
  /** IANA time zone of dates and "today". */
  readonly timeZone: string;
  /** Rows per list page. */
  readonly pageSize: number;
  /** The request path (relative to the mount) with its query, where an action returns to. */
  readonly here: string;
}

/** A rendered page body and its title. */
export interface PageResult {
  /** `<title>` and `<h1>`. */
  title: string;
  /** The page's content. */
  body: SafeHtml;
  /** HTTP status (default 200). */
  status?: number;
}

/** A page of the dashboard. */
export type PageRenderer = (ctx: PageContext) => Promise<PageResult>;

/** A URL inside the dashboard, with query values (empty ones dropped). */
export function link(base: string, path: string, query: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') search.set(name, value);
  const text = search.toString();
  return `${base}${path}${text === '' ? '' : `?${text}`}`;
}
