/**
 * Per-call options and the optional headers they turn into. Checked before anything is sent,
 * because Midtrans silently ignores a bad idempotency key and the caller would lose the protection.
 */
import { IDEMPOTENCY_KEY_MAX_LENGTH } from '../constants.js';
import type { FieldIssue } from '../errors.js';
import { ValidationError } from '../errors.js';

/** Options every call accepts. */
export interface CallOptions {
  /** Abort the call (including pending retries). */
  signal?: AbortSignal | undefined;
  /** Per-attempt deadline for this call, overriding the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
}

/** Options of a write Midtrans can deduplicate. */
export interface IdempotentCallOptions extends CallOptions {
  /**
   * Idempotency key (≤ 46 characters, e.g. a UUID). Makes the write safe to retry, so the
   * client retries it on network errors, 5xx and 429. Use a new key per operation.
   */
  idempotencyKey?: string | undefined;
}

/** One to three notification URLs. */
export type NotificationUrls = string | readonly string[];

/** Options of a call that creates a transaction (Core API charge, Snap). */
export interface NotificationCallOptions extends CallOptions {
  /** Notify only these URLs for this transaction (`X-Override-Notification`). */
  overrideNotification?: NotificationUrls | undefined;
  /** Notify these URLs in addition to the dashboard one (`X-Append-Notification`). */
  appendNotification?: NotificationUrls | undefined;
}

/** Options of a Core API charge. */
export interface ChargeOptions extends IdempotentCallOptions, NotificationCallOptions {}

/** Every per-call option the HTTP client understands. */
export type RequestOptions = ChargeOptions;

/** Name of the idempotency header an endpoint honours (Invoicing uses its own). */
export type IdempotencyHeader = 'Idempotency-Key' | 'X-Idempotency-Key';

/**
 * Turn per-call options into headers. `idempotencyHeader` is absent for endpoints that take no key;
 * a key given there is refused rather than sent for nothing. Throws one ValidationError listing every problem.
 */
export function optionHeaders(
  options: RequestOptions,
  idempotencyHeader: IdempotencyHeader | undefined,
): Record<string, string> {
  const key = options.idempotencyKey;
  // Most calls pass none of these: no need to build the checks below once per request.
  if (
    key === undefined &&
    options.overrideNotification === undefined &&
    options.appendNotification === undefined &&
    options.timeoutMs === undefined
  ) {
    return {};
  }
  const issues: FieldIssue[] = [];
  const headers: Record<string, string> = {};
  if (key !== undefined) {
    const reason = idempotencyKeyProblem(key, idempotencyHeader !== undefined);
    if (reason) issues.push({ field: 'idempotencyKey', reason });
    else if (idempotencyHeader) headers[idempotencyHeader] = key;
  }
  const notify = [
    ['overrideNotification', 'X-Override-Notification', options.overrideNotification],
    ['appendNotification', 'X-Append-Notification', options.appendNotification],
  ] as const;
  for (const [field, header, urls] of notify) {
    if (urls === undefined) continue;
    const list = typeof urls === 'string' ? [urls] : [...urls];
    const reason = notificationUrlsProblem(list);
    if (reason) issues.push({ field, reason });
    else headers[header] = list.join(',');
  }
  if (options.timeoutMs !== undefined && !(Number.isInteger(options.timeoutMs) && options.timeoutMs > 0)) {
    issues.push({ field: 'timeoutMs', reason: 'must be a positive integer (milliseconds)' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return headers;
}

function idempotencyKeyProblem(key: unknown, supported: boolean): string | undefined {
  if (!supported) return 'is not supported by this endpoint';
  if (typeof key !== 'string' || key.length === 0) return 'must be a non-empty string';
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    return `must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters (Midtrans ignores longer keys)`;
  }
  // Header values must be visible ASCII; anything else would be mangled or rejected on the wire.
  if (!/^[\x21-\x7e]+$/.test(key)) return 'must contain only visible ASCII characters';
  return undefined;
}

function notificationUrlsProblem(urls: unknown[]): string | undefined {
  if (urls.length < 1 || urls.length > 3) return 'must list 1 to 3 URLs';
  for (const url of urls) {
    if (typeof url !== 'string' || !URL.canParse(url)) return 'must contain only absolute URLs';
    // The header is comma-separated, so a comma inside one URL would split it in two.
    if (url.includes(',')) return 'URLs must not contain commas';
    const { protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return 'URLs must be http(s)';
  }
  return undefined;
}
