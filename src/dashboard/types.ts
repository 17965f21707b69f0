/**
 * The dashboard's plain-data boundary, like the API routes': an adapter copies its framework's
 * request into a `DashboardRequest` and writes the `HttpResponse` back as it is.
 */
import type { KitUser } from '../services/core/hooks.js';

/** Every permission the dashboard asks `authorize` about. */
export type DashboardAction =
  | 'dashboard.view'
  | 'dashboard.check_status'
  | 'dashboard.cancel'
  | 'dashboard.expire'
  | 'dashboard.capture'
  | 'dashboard.refund'
  | 'dashboard.approve'
  | 'dashboard.deny'
  | 'dashboard.void_invoice'
  | 'dashboard.delete_payment_link'
  | 'dashboard.enable_subscription'
  | 'dashboard.disable_subscription'
  | 'dashboard.cancel_subscription'
  | 'dashboard.replay';

/** Every action but `dashboard.view`, i.e. everything that changes something. */
export const DASHBOARD_ACTIONS: readonly DashboardAction[] = [
  'dashboard.check_status',
  'dashboard.cancel',
  'dashboard.expire',
  'dashboard.capture',
  'dashboard.refund',
  'dashboard.approve',
  'dashboard.deny',
  'dashboard.void_invoice',
  'dashboard.delete_payment_link',
  'dashboard.enable_subscription',
  'dashboard.disable_subscription',
  'dashboard.cancel_subscription',
  'dashboard.replay',
];

/** One dashboard request, as plain data. */
export interface DashboardRequest<U extends KitUser = KitUser> {
  /** `GET` or `POST` (any case). */
  method: string;
  /** Path relative to the mount point, e.g. `/payments/ORDER-1`. */
  path: string;
  /** Where the dashboard is mounted, e.g. `/admin` (empty for the root): links and cookies use it. */
  base: string;
  /** Request headers (lower-case names). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Query values as the framework parsed them. */
  query?: Readonly<Record<string, unknown>>;
  /** The form body as sent (`application/x-www-form-urlencoded`). */
  rawBody?: Buffer | string | undefined;
  /** A form a host's parser already decoded (`express.urlencoded()`), used when `rawBody` is absent. */
  body?: unknown;
  /** The user, when the caller already knows it; otherwise `resolveUser` is asked. */
  user?: U | null | undefined;
  /** The framework's own request (Express `req`, Koa `ctx`), handed to `resolveUser`. */
  native?: unknown;
}

/** What `authorize` is asked. */
export interface DashboardAuthorizeContext<U extends KitUser = KitUser> {
  /** `dashboard.view` to see the pages; one of the action names to see and use that action. */
  action: DashboardAction;
  /** The signed-in user. */
  user: U;
}

/** How the host plugs staff users in. */
export interface DashboardOptions<U extends KitUser = KitUser> {
  /**
   * Decide, per user and action, what the dashboard allows. Default: deny everything, so a host
   * that forgets it exposes nothing. A user allowed `dashboard.view` but no action gets the pages
   * without their forms (a POST is refused with 403).
   */
  authorize?(context: DashboardAuthorizeContext<U>): boolean | Promise<boolean>;
  /** The signed-in user; adapters default to `req.user` / `ctx.state.user`. */
  resolveUser?(request: DashboardRequest<U>): U | null | undefined | Promise<U | null | undefined>;
  /**
   * Key of the CSRF tokens. Default: random per dashboard instance, which is right for one
   * process; give every process the same secret (≥ 32 bytes) when several serve the dashboard.
   */
  csrfSecret?: string | Buffer;
  /** Add `Secure` to the dashboard's cookies (do, when it is served over HTTPS). Default false. */
  secureCookies?: boolean;
  /**
   * The host's sign-in page: a signed-out visitor's 401 page links to it, with `next` set to the
   * dashboard page they asked for. Default: no link.
   */
  signInUrl?: string;
  /** How the header names the signed-in user. Default: its `name`, `displayName` or `email`, else its id. */
  userLabel?(user: U): string;
  /** IANA time zone for dates and "today". Default `Asia/Jakarta` (WIB). */
  timeZone?: string;
  /** Rows per list page, 1–200. Default 50. */
  pageSize?: number;
  /** Largest form body in bytes. Default 16 KiB. */
  bodyLimit?: number;
  /** Told about unexpected errors (shown to staff as a plain message). Default: the kit's `logger.error`. */
  onError?(error: unknown, request: DashboardRequest<U>): void;
}

/** One answer: write `status`, `headers` (a list value is one header line per item) and `body` as they are. */
export interface DashboardResponse {
  /** HTTP status. */
  status: number;
  /** Headers; `set-cookie` is a list. */
  headers: Record<string, string | string[]>;
  /** HTML, CSS or empty. */
  body: string;
}
