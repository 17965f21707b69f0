/**
 * The framework-free boundary of the HTTP surface: plain request and response objects. An adapter
 * copies what its framework parsed into an `HttpRequest` and writes the `HttpResponse` back
 * verbatim, so every framework behaves the same, byte for byte.
 */
import type { KitUser } from '../services/core/hooks.js';
import type { RouteAction } from './route-types.js';

/** Header values as Node gives them. */
export type HttpHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** One request, as plain data. */
export interface HttpRequest<U extends KitUser = KitUser> {
  /** `GET`, `POST`, `PATCH`… (any case). */
  method: string;
  /** Path relative to where the routes are mounted, e.g. `/payments/ORDER-1`. */
  path: string;
  /** Request headers (lower-case names). */
  headers: HttpHeaders;
  /** Query string values as the framework parsed them (strings or lists of strings). */
  query?: Readonly<Record<string, unknown>>;
  /**
   * The body exactly as sent. Preferred: the webhook needs it (the stored delivery is the raw text),
   * and JSON routes parse it themselves.
   */
  rawBody?: Buffer | string | undefined;
  /** A body a host's parser already decoded; used by JSON routes when `rawBody` is absent. */
  body?: unknown;
  /** The user, when the caller already knows it; otherwise `resolveUser` is asked. */
  user?: U | null | undefined;
  /** The framework's own request (Express `req`, Koa `ctx`), handed to `resolveUser`. */
  native?: unknown;
}

/** One response: write `status`, `headers` and `body` as they are. */
export interface HttpResponse {
  /** HTTP status. */
  status: number;
  /** Headers to set (content type, length, cache control). */
  headers: Record<string, string>;
  /** The serialised JSON body. */
  body: string;
}

/** What `authorize` is asked. */
export interface AuthorizeContext<U extends KitUser = KitUser> {
  /** The route's action, e.g. `payments.refund`. */
  action: RouteAction;
  /** The signed-in user. */
  user: U;
  /** The record acted on (payment, invoice, subscription), absent for creates and lists. */
  resource: { readonly userId: string | null } | undefined;
  /** Whether the record belongs to `user`. */
  isOwner: boolean;
  /** Whether the action is a staff action (capture, refund, approve, deny, expire, void). */
  isStaffAction: boolean;
}

/** How the host plugs its users and permissions in. */
export interface HttpOptions<U extends KitUser = KitUser> {
  /**
   * The signed-in user of a request, or null/undefined for none (→ 401 on every route but the
   * webhook). Adapters default to the user the host's auth put on the request (`req.user`,
   * `ctx.state.user`).
   */
  resolveUser?(request: HttpRequest<U>): U | null | undefined | Promise<U | null | undefined>;
  /**
   * Asked only for what the defaults deny: staff actions and anything on another user's record.
   * Return true to allow. Without it those are denied (another user's record reads as absent: 404).
   */
  authorize?(context: AuthorizeContext<U>): boolean | Promise<boolean>;
  /** Largest body accepted, in bytes (default 64 KiB); larger is a 413. */
  bodyLimit?: number;
  /** Told about unexpected errors (answered as a bare 500). Default: the kit's `logger.error` (silent unless the host passed a logger). */
  onError?(error: unknown, request: HttpRequest<U>): void;
}

/** Default `bodyLimit`: Midtrans notifications and our JSON bodies are a few KiB. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
