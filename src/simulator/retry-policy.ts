/**
 * Midtrans's notification retry rules (docs/midtrans-wire.md §6.2): how many retries a reply earns,
 * and the growing intervals between them.
 */

/** Default retry intervals: ~2, 10, 30, 90 and 210 minutes after the previous failure. */
export const DEFAULT_RETRY_INTERVALS_MS: readonly number[] = [2, 10, 30, 90, 210].map((m) => m * 60_000);

/** Notification timeout Midtrans applies. */
export const DEFAULT_NOTIFICATION_TIMEOUT_MS = 15_000;

/**
 * Retries a failed attempt earns. `status` is the HTTP status of the final reply (after following
 * 307/308), or undefined for a timeout or a network error.
 */
export function retriesFor(status: number | undefined): number {
  if (status === undefined) return 5;
  if (status >= 200 && status < 300) return 0;
  if (status === 500) return 1;
  if (status === 503) return 4;
  if (status === 400 || status === 404) return 2;
  if (status === 301 || status === 302 || status === 303) return 0;
  return 5;
}

/** Whether a reply counts as delivered. */
export function isDelivered(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/** Whether Midtrans follows a redirect status (same method and body). */
export function isFollowedRedirect(status: number): boolean {
  return status === 307 || status === 308;
}

/** Most redirects followed for one attempt. */
export const MAX_REDIRECTS = 5;
