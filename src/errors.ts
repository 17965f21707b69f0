/**
 * One error hierarchy. Every error has a stable `code` a caller can switch on.
 * No message or property ever carries the server key: messages are built from
 * our own words and Midtrans's replies, and `redactSecrets` scrubs anything echoed back.
 */

/** Stable machine-readable codes of every midtrans-kit error. */
export type MidtransKitErrorCode =
  | 'validation_error'
  | 'not_found'
  | 'conflict'
  | 'invalid_state'
  | 'signature_invalid'
  | 'midtrans_api_error'
  | 'midtrans_network_error'
  | 'config_error';

/** One problem with one input field. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `grossAmount` or `itemDetails.0.price`. */
  field: string;
  /** What is wrong with it, in plain words. */
  reason: string;
}

/** Base class of every error midtrans-kit throws on purpose. */
export class MidtransKitError extends Error {
  /** Stable code for programmatic handling. */
  readonly code: MidtransKitErrorCode;
  /**
   * The order this error concerns, when a service knows it: a charge whose record was written
   * before Midtrans refused it (or went silent) throws with the order id of that record.
   */
  orderId: string | undefined;

  constructor(code: MidtransKitErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.orderId = undefined;
  }
}

/** Input was rejected before anything changed; `issues` lists every bad field at once. */
export class ValidationError extends MidtransKitError {
  /** Every field problem found. */
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[] | FieldIssue, message?: string) {
    const list = Array.isArray(issues) ? issues : [issues];
    super('validation_error', message ?? describeIssues(list));
    this.issues = list;
  }
}

/** Options given to `createMidtrans` (or another factory) are wrong; thrown at start-up. */
export class ConfigError extends MidtransKitError {
  /** Name of the offending option. */
  readonly option: string;

  constructor(option: string, reason: string) {
    super('config_error', `Invalid option "${option}": ${reason}`);
    this.option = option;
  }
}

/** A record (payment, invoice, subscription…) does not exist locally. */
export class NotFoundError extends MidtransKitError {
  constructor(message: string) {
    super('not_found', message);
  }
}

/** A uniqueness rule was broken (duplicate order id, refund key, invoice number…). */
export class ConflictError extends MidtransKitError {
  /** The record field whose unique key was violated (e.g. `orderId`), when the database named it. */
  readonly field: string | undefined;

  constructor(message: string, options?: { cause?: unknown; field?: string }) {
    super('conflict', message, options);
    this.field = options?.field;
  }
}

/** The operation is not allowed from the record's current state (e.g. refund a pending payment). */
export class InvalidStateError extends MidtransKitError {
  /** The state the record is in. */
  readonly currentState: string;
  /** The operation that was refused. */
  readonly operation: string;

  constructor(operation: string, currentState: string, message?: string) {
    super('invalid_state', message ?? `Cannot ${operation} a payment in state "${currentState}"`);
    this.operation = operation;
    this.currentState = currentState;
  }
}

/** A notification's `signature_key` did not match. */
export class SignatureError extends MidtransKitError {
  constructor(message = 'Notification signature_key does not match') {
    super('signature_invalid', message);
  }
}

/** What Midtrans said when it refused a request. */
export interface MidtransApiErrorDetails {
  /** HTTP status line code. */
  httpStatus: number;
  /** The body's `status_code` (Core API); absent for Snap, Invoicing and Subscriptions. */
  statusCode?: string | undefined;
  /** Every message Midtrans gave (status_message, validation_messages, error_messages). */
  messages: string[];
  /** Midtrans's error id when it sent one. */
  errorId?: string | undefined;
  /** Whether repeating the same request may succeed (5xx, 429, in-progress 202…). */
  retryable: boolean;
  /** The parsed body, secrets redacted. */
  body?: unknown;
}

/** Midtrans answered, and the answer is an error (HTTP ≥ 400, or a body `status_code` ≥ 400 in an HTTP 200). */
export class MidtransApiError extends MidtransKitError {
  readonly httpStatus: number;
  readonly statusCode: string | undefined;
  readonly messages: string[];
  readonly errorId: string | undefined;
  readonly retryable: boolean;
  readonly body: unknown;

  constructor(details: MidtransApiErrorDetails) {
    const shown = details.statusCode ?? String(details.httpStatus);
    super('midtrans_api_error', `Midtrans error ${shown}: ${details.messages.join('; ') || 'no message'}`);
    this.httpStatus = details.httpStatus;
    this.statusCode = details.statusCode;
    this.messages = details.messages;
    this.errorId = details.errorId;
    this.retryable = details.retryable;
    this.body = details.body;
  }
}

/** Midtrans could not be reached or did not answer in time; the outcome of a write is unknown. */
export class MidtransNetworkError extends MidtransKitError {
  /** `timeout` when our deadline passed, `connection` when the socket failed. */
  readonly kind: 'timeout' | 'connection';

  constructor(kind: 'timeout' | 'connection', message: string, options?: { cause?: unknown }) {
    super('midtrans_network_error', message, options);
    this.kind = kind;
  }
}

function describeIssues(issues: FieldIssue[]): string {
  if (issues.length === 0) return 'Invalid input';
  return `Invalid input: ${issues.map((issue) => `${issue.field} ${issue.reason}`).join('; ')}`;
}

/**
 * Replace every occurrence of each secret (and its Basic-auth base64 form) in a string.
 * Used wherever text that came from outside is put into an error or a log line.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const encoded = Buffer.from(`${secret}:`).toString('base64');
    out = out.split(secret).join('[redacted]').split(encoded).join('[redacted]');
  }
  return out;
}
