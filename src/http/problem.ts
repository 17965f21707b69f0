/**
 * Errors → HTTP. Every error answer is `{ error: { code, message, details? } }`. Messages are our
 * own words or Midtrans's (already redacted by the client); a stack trace, a cause or an
 * unexpected error's message never reaches a response.
 */
import {
  ConflictError,
  InvalidStateError,
  MidtransApiError,
  MidtransKitError,
  MidtransNetworkError,
  NotFoundError,
  ValidationError,
} from '../errors.js';
import { midtransRefusal } from './midtrans-refusal.js';
import type { HttpResponse } from './types.js';

/** The body of an error answer. */
export interface ProblemBody {
  /** The problem. */
  error: {
    /** Stable code, e.g. `validation_error`, `not_found`, `midtrans_unreachable`. */
    code: string;
    /** Plain words for a developer. */
    message: string;
    /** Every bad field, for `validation_error`. */
    details?: { field: string; reason: string }[];
    /** The order a failed charge was recorded under (charges with a generated order id). */
    orderId?: string;
  };
}

/** An HTTP-level refusal raised by the handler itself (401, 403, 404, 413, 415). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { field: string; reason: string }[],
    /** Whether the host's `onError` should hear of it (a misconfiguration, not a client's mistake). */
    readonly report = false,
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

/** A JSON answer with the headers every answer gets. */
export function jsonResponse(
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): HttpResponse {
  const text = JSON.stringify(body);
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      // Payment data is per user: never cached by a browser or a proxy.
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...extra,
    },
    body: text,
  };
}

/** Whether an error is unexpected (a bug or an outage): the host's `onError` hears about those. */
export function isUnexpected(error: unknown): boolean {
  return (error instanceof HttpProblem && error.report) || problemOf(error).status === 500;
}

/** The status and body for an error. */
export function problemOf(error: unknown): { status: number; body: ProblemBody } {
  const [status, code, message, details] = classify(error);
  const orderId = error instanceof MidtransKitError ? error.orderId : undefined;
  return {
    status,
    body: {
      error: {
        code,
        message,
        ...(details === undefined ? {} : { details }),
        ...(orderId === undefined ? {} : { orderId }),
      },
    },
  };
}

/** The error as an HTTP response. */
export function problemResponse(error: unknown): HttpResponse {
  const { status, body } = problemOf(error);
  return jsonResponse(status, body);
}

type Classified = [number, string, string, ProblemBody['error']['details']?];

function classify(error: unknown): Classified {
  if (error instanceof HttpProblem) return [error.status, error.code, error.message, error.details];
  if (error instanceof ValidationError) {
    return [400, 'validation_error', 'The request is invalid', error.issues.map((i) => ({ ...i }))];
  }
  if (error instanceof NotFoundError) return [404, 'not_found', error.message];
  if (error instanceof InvalidStateError) return [409, 'invalid_state', error.message];
  if (error instanceof ConflictError) return [409, 'conflict', error.message];
  if (error instanceof MidtransApiError) return [...midtransRefusal(error), error.message];
  if (error instanceof MidtransNetworkError) {
    return error.kind === 'timeout'
      ? [504, 'midtrans_timeout', 'Midtrans did not answer in time; the outcome is not known yet']
      : [503, 'midtrans_unreachable', 'Midtrans could not be reached'];
  }
  const hostStatus = clientErrorStatus(error);
  if (hostStatus !== undefined && error instanceof Error) return [hostStatus, 'rejected', error.message];
  return [500, 'internal_error', 'Something went wrong on our side'];
}

// A hook may veto with an http-errors style error (`status` 4xx, `expose` not false): it is the
// host's own words, so it is shown; anything else unexpected is a bare 500.
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode, expose } = error as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
  };
  const value = typeof status === 'number' ? status : statusCode;
  if (typeof value !== 'number' || value < 400 || value > 499 || expose === false) return undefined;
  return value;
}
