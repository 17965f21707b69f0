/**
 * Error bodies in each API family's own shape (docs/midtrans-wire.md §11): Core
 * `{status_code, status_message, id?, validation_messages?}`, Snap and Invoicing
 * `{error_messages}`, Subscriptions `{status_message, validation_messages?}`.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../wire-types.js';
import type { ApiFamily, SimResponse } from './router.js';

/**
 * HTTP status for a Core body code: 2xx bodies (and 407, which the official clients treat as
 * a normal answer) go out as HTTP 200; error bodies carry the same HTTP code.
 */
export function httpStatusFor(bodyCode: string): number {
  const code = Number(bodyCode);
  return code < 300 || code === 407 ? 200 : code;
}

/** A Core API JSON answer whose HTTP status follows its body code. */
export function coreReply(body: JsonObject): SimResponse {
  return { status: httpStatusFor(String(body.status_code)), body };
}

/** A Core API error. `withId` adds an error UUID as Midtrans does for most errors. */
export function coreError(code: string, message: string, extra: JsonObject = {}, withId = true): SimResponse {
  const body: JsonObject = { status_code: code, status_message: message };
  if (withId) body.id = randomUUID();
  Object.assign(body, extra);
  return { status: Number(code), body };
}

/** Core validation error (400). */
export function coreValidation(messages: string[]): SimResponse {
  return coreError('400', 'One or more parameters in the payload is invalid.', {
    validation_messages: messages,
  });
}

/** Core: transaction not found. */
export function coreNotFound(): SimResponse {
  return coreError('404', "Transaction doesn't exist.");
}

/** Core: operation not allowed in the current state. */
export function coreNotAllowed(): SimResponse {
  return coreError('412', 'Merchant cannot modify the status of the transaction', {}, false);
}

/** Snap / Invoicing error. */
export function messagesError(status: number, messages: string[]): SimResponse {
  return { status, body: { error_messages: messages } };
}

/** Subscriptions error. */
export function subscriptionError(status: number, message: string, validation?: string[]): SimResponse {
  const body: JsonObject = { status_message: message };
  if (validation) body.validation_messages = validation;
  return { status, body };
}

/** The 401 answer of a family when the key is missing or wrong. */
export function unauthorized(family: ApiFamily): SimResponse {
  switch (family) {
    case 'snap':
      return messagesError(401, [
        'Access denied due to unauthorized transaction, please check client or server key',
        'Visit https://snap-docs.midtrans.com/#request-headers for more details',
      ]);
    case 'invoice':
      return messagesError(401, ['Unauthorized']);
    case 'subscription':
      return subscriptionError(401, 'Transaction cannot be authorized with the current client/server key.');
    default:
      return coreError('401', 'Transaction cannot be authorized with the current client/server key.');
  }
}

/** A 5xx answer (fault injection or an internal error) in the family's shape. */
export function serverError(family: ApiFamily, status: number): SimResponse {
  const message = 'Sorry. Our system is recovering from unexpected issues. Please retry.';
  switch (family) {
    case 'snap':
    case 'invoice':
      return messagesError(status, [message]);
    case 'subscription':
      return subscriptionError(status, message);
    default:
      return coreError(String(status), message);
  }
}

/**
 * A known path asked with the wrong method, in the family's shape. The wording is the 405 line of
 * docs.midtrans.com/reference/code-4xx ("HTTP method is not allowed").
 */
export function methodNotAllowed(family: ApiFamily): SimResponse {
  const message = 'HTTP method is not allowed';
  switch (family) {
    case 'snap':
    case 'invoice':
      return messagesError(405, [message]);
    case 'subscription':
      return subscriptionError(405, message);
    default:
      return coreError('405', message);
  }
}

/** A malformed JSON body in the family's shape. */
export function malformedBody(family: ApiFamily): SimResponse {
  switch (family) {
    case 'snap':
    case 'invoice':
      return messagesError(400, ['Request body is not valid JSON']);
    case 'subscription':
      return subscriptionError(400, 'Invalid parameter.', ['request body is not valid JSON']);
    default:
      return coreError('413', 'The request cannot be processed due to malformed syntax in the request body');
  }
}
