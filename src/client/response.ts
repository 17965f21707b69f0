/**
 * Deciding whether a Midtrans answer is a success, and turning failures into MidtransApiError.
 * Midtrans sometimes reports an error with HTTP 200 and a 4xx body `status_code`, so both count.
 * Everything echoed from the wire is scrubbed of secrets before it reaches an error.
 */
import { MidtransApiError, redactSecrets } from '../errors.js';

/** What the HTTP client knows about one answer. */
export interface AnswerContext {
  /** HTTP status line code. */
  httpStatus: number;
  /** Raw body text. */
  body: string;
  /** Strings that must never appear in an error (server key, client key). */
  secrets: readonly string[];
  /** Body `status_code` 407 is a normal answer here (status / expire of an expired transaction). */
  accept407: boolean;
  /** An idempotency key was sent, so a bare body 202 means "first request still in progress". */
  idempotent: boolean;
}

/** Return the parsed JSON object of a successful answer, or throw MidtransApiError. */
export function interpretAnswer(ctx: AnswerContext): Record<string, unknown> {
  const parsed = parseJson(ctx.body);
  if (!isRecord(parsed)) {
    throw new MidtransApiError({
      httpStatus: ctx.httpStatus,
      messages: [`Midtrans sent a response that is not a JSON object (HTTP ${ctx.httpStatus})`],
      retryable: isRetryableCode(ctx.httpStatus),
      body: redactSecrets(ctx.body.slice(0, 500), ctx.secrets),
    });
  }
  const bodyCode = statusCodeOf(parsed);
  const code = bodyCode === undefined ? Number.NaN : Number(bodyCode);
  if (ctx.accept407 && code === 407 && (ctx.httpStatus < 400 || ctx.httpStatus === 407)) return parsed;
  // 3xx too: redirects are not followed (see fetchTransport), and no documented success is one.
  if (ctx.httpStatus >= 300 || code >= 400) return raise(ctx, parsed, bodyCode, code);
  // A 202 without a transaction is not a denial (those carry transaction_status) but Midtrans's
  // "same idempotency key, first request not finished yet": worth asking again.
  if (ctx.idempotent && code === 202 && parsed.transaction_status === undefined) {
    return raise(ctx, parsed, bodyCode, code, true);
  }
  return parsed;
}

/**
 * Whether an error code is worth retrying: 5xx except 501 (feature not available) and 429.
 * Uses the body code when it signals the error, else the HTTP status.
 */
export function isRetryableCode(code: number): boolean {
  return code === 429 || (code >= 500 && code <= 599 && code !== 501);
}

function raise(
  ctx: AnswerContext,
  body: Record<string, unknown>,
  bodyCode: string | undefined,
  code: number,
  inProgress = false,
): never {
  const clean = redactDeep(body, ctx.secrets);
  const effective = code >= 400 ? code : ctx.httpStatus;
  throw new MidtransApiError({
    httpStatus: ctx.httpStatus,
    statusCode: bodyCode === undefined ? undefined : redactSecrets(bodyCode, ctx.secrets),
    messages: messagesOf(clean),
    errorId: typeof clean.id === 'string' ? clean.id : undefined,
    retryable: inProgress || isRetryableCode(effective),
    body: clean,
  });
}

/** Collect the messages of all three error shapes (Core, Snap/Invoicing, Subscriptions). */
function messagesOf(body: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof body.status_message === 'string') out.push(body.status_message);
  for (const list of [body.validation_messages, body.error_messages]) {
    if (Array.isArray(list)) out.push(...list.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))));
  }
  return out;
}

function statusCodeOf(body: Record<string, unknown>): string | undefined {
  const value = body.status_code;
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function redactDeep<T>(value: T, secrets: readonly string[]): T;
function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [redactSecrets(k, secrets), redactDeep(v, secrets)]),
    );
  }
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
